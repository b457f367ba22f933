// 7. Imported arcs: an analyst's CSV of N arcs (scripts/generate-arcs.mjs: id, timestamp,
// origin and target coordinates, kind, weapon, notes) imported through the app's UI with its
// suggested column mapping, then played back in window mode (30 days); against the bare arcs
// page (bench/bare/arcs.html?csv=) drawing the same rows as arcs with the same filter, in the
// same run. Figures: ready (app: file chosen -> first frame with the arcs rendered; bare: page
// opened -> first frame with the arcs rendered), ms per playback frame, and the main thread's
// JS heap (after a garbage collection, and the peak sampled every 100 ms).
import { readFileSync } from 'node:fs';
import { openBrowser, waitForMapIdle } from './browser.mjs';
import { importThroughUi } from './import.mjs';
import { playLooping, sampleFrames } from './playback.mjs';
import { round } from './stats.mjs';

export const ARCS_FROM = '2022-01-01';
export const ARCS_TO = '2024-12-31';
const START = '2023-01-01';
const WINDOW_DAYS = 30;
const MB = 2 ** 20;

/** The main thread's JS heap: `now()` after a collection, and the peak seen since `start()` (sampled). */
async function heapMeter(session) {
  const cdp = await session.context.newCDPSession(session.page);
  await cdp.send('HeapProfiler.enable');
  let peak = 0;
  let timer = null;
  const sample = async () => {
    try {
      const { usedSize } = await cdp.send('Runtime.getHeapUsage');
      peak = Math.max(peak, usedSize);
    } catch {
      // the page navigating: next sample
    }
  };
  return {
    async now() {
      await cdp.send('HeapProfiler.collectGarbage');
      const { usedSize } = await cdp.send('Runtime.getHeapUsage');
      return usedSize;
    },
    start() {
      peak = 0;
      timer = setInterval(sample, 100);
    },
    async stop() {
      clearInterval(timer);
      await sample();
      return peak;
    },
    detach: () => cdp.detach().catch(() => undefined),
  };
}

async function appSide({ appUrl, count, csv, sample, log }) {
  const session = await openBrowser();
  try {
    const { page } = session;
    // The whole range, cumulative: every arc is drawn once the import is in.
    await page.goto(`${appUrl}?from=${ARCS_FROM}&to=${ARCS_TO}`);
    await waitForMapIdle(page);
    const heap = await heapMeter(session);
    const before = await heap.now();
    heap.start();
    const imported = await importThroughUi(session, csv.file, { eventsDrawn: true });
    await waitForMapIdle(page, 600_000);
    const peak = await heap.stop();
    const after = await heap.now();
    await heap.detach();
    log(
      `  app: ${imported.accepted ?? '?'} rows imported; ready ${round(imported.toEventsDrawnMs, 0)} ms (parse ${round(imported.parseMs, 0)}, commit ${round(imported.commitMs, 0)}); heap +${round((after - before) / MB, 1)} MB, peak +${round((peak - before) / MB, 1)} MB`,
    );
    const hash = await page.evaluate(() => location.hash);
    const box = await page.getByTestId('map').boundingBox();
    // Playback: the app opened again on the stored data, in window mode, looping at 16 days a second.
    await page.goto('about:blank');
    await page.goto(`${appUrl}?from=${ARCS_FROM}&to=${ARCS_TO}&speed=16&t=${START}&mode=window&window=${WINDOW_DAYS}${hash}`);
    await waitForMapIdle(page, 600_000);
    await playLooping(page);
    const frames = await sampleFrames(page, sample);
    await page.getByTestId('play').click().catch(() => undefined);
    return {
      readyMs: imported.toEventsDrawnMs,
      import: imported,
      heap: { beforeMB: before / MB, addedMB: (after - before) / MB, peakAddedMB: (peak - before) / MB },
      hash,
      size: { width: Math.round(box.width), height: Math.round(box.height) },
      ...frames,
      errors: session.errors,
    };
  } finally {
    await session.close();
  }
}

async function bareSide({ bareUrl, count, csv, hash, size, sample }) {
  const session = await openBrowser();
  try {
    const { page } = session;
    const dataUrl = `${bareUrl}bench-data/arcs-${count}.csv`;
    await page.route(dataUrl, (route) => route.fulfill({ status: 200, contentType: 'text/csv', body: readFileSync(csv.file) }));
    const heap = await heapMeter(session);
    heap.start();
    const params = new URLSearchParams({ csv: dataUrl, w: String(size.width), h: String(size.height), from: ARCS_FROM, to: ARCS_TO, start: START, speed: '16', window: String(WINDOW_DAYS) });
    await page.goto(`${bareUrl}arcs.html?${params}${hash}`);
    await page.waitForFunction(() => window.__bare?.ready === true || window.__bare?.error, null, { timeout: 600_000, polling: 100 });
    const state = await page.evaluate(() => ({ arcs: window.__bare.arcs, error: window.__bare.error }));
    if (state.error) throw new Error(`bare arcs page: ${state.error}`);
    await page.waitForFunction(() => window.__strikesMapPerf?.rendered?.firstIncidentFrame != null, null, { timeout: 600_000, polling: 50 });
    const readyMs = await page.evaluate(() => window.__strikesMapPerf.rendered.firstIncidentFrame);
    const peak = await heap.stop();
    const used = await heap.now();
    await heap.detach();
    await page.evaluate(() => window.__barePlay());
    const frames = await sampleFrames(page, sample);
    await page.evaluate(() => window.__barePause());
    return { arcs: state.arcs, readyMs, heap: { usedMB: used / MB, peakMB: peak / MB }, ...frames, errors: session.errors };
  } finally {
    await session.close();
  }
}

export async function measureImportedArcs({ appUrl, bareUrl, count, csv, sample, log }) {
  const app = await appSide({ appUrl, count, csv, sample, log });
  log(`  app, ${count} imported arcs: ${round(app.msPerFrame, 1)} ms/frame (${app.frames} frames)`);
  const bare = await bareSide({ bareUrl, count, csv, hash: app.hash, size: app.size, sample });
  log(`  bare, ${count} arcs: ready ${round(bare.readyMs, 0)} ms, ${round(bare.msPerFrame, 1)} ms/frame (${bare.frames} frames), heap ${round(bare.heap.usedMB, 1)} MB (peak ${round(bare.heap.peakMB, 1)})`);
  return {
    count,
    app,
    bare,
    ratios: {
      frame: app.msPerFrame / bare.msPerFrame,
      ready: app.readyMs / bare.readyMs,
      heap: app.heap.addedMB / bare.heap.usedMB,
      heapPeak: app.heap.peakAddedMB / bare.heap.peakMB,
    },
  };
}
