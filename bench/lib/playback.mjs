// 5. Playback frame time with N arcs: the app (N incidents imported as the app's JSON
// through the UI, fresh profile, ?speed=16, a URL range covering every date, play pressed)
// against the bare page (MapLibre + one MapboxOverlay: the same arcs, a filter range advancing
// every frame and the same TripsLayer heads; same map size and view), alternating per N.
// Frame time: the span between the first and last deck.gl frame sampled divided by the frames
// between them (window.__strikesMapPerf.lastFrame, every frame kept by the init script); the
// median and p95 of single intervals and of requestAnimationFrame intervals go to the JSON.
import { readFileSync } from 'node:fs';
import { openBrowser, waitForMapIdle } from './browser.mjs';
import { importThroughUi } from './import.mjs';
import { PLAYBACK_FROM, PLAYBACK_TO } from './datasets.mjs';
import { intervals, median, percentile, round, sleep } from './stats.mjs';

/** Playback starts here (the `t` URL parameter): about a third into the range. */
export const PLAYBACK_START = '2022-04-01';
const QUERY = `from=${PLAYBACK_FROM}&to=${PLAYBACK_TO}&speed=16&t=${PLAYBACK_START}`;

/**
 * Samples frames for at least `minMs` and at least `minFrames` deck frames (after the first),
 * at most `maxMs`.
 * Returns frame-time statistics.
 */
export async function sampleFrames(page, { minMs, minFrames, maxMs, warmFrames = 3 }) {
  // Warm-up: `warmFrames` frames and a second after play (shaders compiled, TripsLayer attributes built).
  const warm = await page.evaluate(() => window.__benchFrames.length);
  const warmStart = Date.now();
  await page.waitForFunction(([n, k]) => window.__benchFrames.length >= n + k, [warm, warmFrames], { timeout: maxMs + 600_000, polling: 100 });
  await sleep(Math.max(0, 1000 - (Date.now() - warmStart)));
  await page.evaluate(() => {
    window.__benchRaf = [];
    window.__benchSampling = true;
    const tick = (t) => {
      window.__benchRaf.push(t);
      if (window.__benchSampling) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  const start = await page.evaluate(() => performance.now());
  const began = Date.now();
  for (;;) {
    await sleep(250);
    const elapsed = Date.now() - began;
    const count = await page.evaluate((t) => window.__benchFrames.filter((f) => f > t).length, start);
    if ((elapsed >= minMs && count >= minFrames + 1) || elapsed >= maxMs) break;
  }
  const { frames, raf, playing } = await page.evaluate((t) => {
    window.__benchSampling = false;
    return {
      frames: window.__benchFrames.filter((f) => f > t),
      raf: window.__benchRaf,
      playing: document.querySelector('[data-testid="play"]')?.getAttribute('aria-label') ?? null,
    };
  }, start);
  const deck = intervals(frames);
  const rafs = intervals(raf);
  const span = frames.length > 1 ? frames.at(-1) - frames[0] : null;
  return {
    frames: frames.length,
    // The figure: time sampled / frames drawn (deck.gl issues some frames in pairs while the
    // GPU process catches up, so single intervals are bimodal; their mean is the frame time).
    msPerFrame: span !== null ? span / (frames.length - 1) : null,
    medianMs: median(deck),
    p95Ms: percentile(deck, 95),
    rafMedianMs: median(rafs),
    rafP95Ms: percentile(rafs, 95),
    sampledMs: Date.now() - began,
    playLabel: playing,
  };
}

/** Plays the app with gap compression off and loop on: 16 days a second, never stopping at the end. */
export async function playLooping(page) {
  // The options behind "⋯" (gap compression, loop, …): opened first.
  if ((await page.getByTestId('play-options').count()) === 0) await page.getByTestId('play-more').click();
  const compress = page.getByTestId('compress-gaps');
  if ((await compress.count()) && (await compress.isChecked())) await compress.uncheck();
  const loop = page.getByTestId('playback').getByRole('checkbox', { name: /loop/i });
  if ((await loop.count()) && !(await loop.isChecked())) await loop.check();
  await page.getByTestId('play').click();
}

async function appPlayback({ appUrl, count, json, sample, log }) {
  const session = await openBrowser();
  try {
    const { page } = session;
    await page.goto(`${appUrl}?${QUERY}`);
    await waitForMapIdle(page);
    const imported = await importThroughUi(session, json.file, { eventsDrawn: false });
    log(`  app: imported ${count} incidents (app JSON) in ${round(imported.endToEndMs, 0)} ms (parse ${round(imported.parseMs, 0)}, commit ${round(imported.commitMs, 0)})`);
    // Open the app again: it reads them from IndexedDB, as on any later visit.
    await page.goto('about:blank');
    await page.goto(`${appUrl}?${QUERY}`, { waitUntil: 'commit' });
    await page.waitForFunction((n) => Number(document.querySelector('[data-testid="map"]')?.getAttribute('data-arc-count') ?? 0) >= n, count, {
      timeout: 600_000,
      polling: 200,
    });
    await waitForMapIdle(page, 600_000);
    const loaded = await page.evaluate(() => ({ firstIncidentFrameMs: window.__strikesMapPerf.firstIncidentFrame, now: performance.now() }));
    const arcs = Number(await page.getByTestId('map').getAttribute('data-arc-count'));
    const hash = await page.evaluate(() => location.hash);
    const box = await page.getByTestId('map').boundingBox();
    // Gap compression off and loop on, as on the bare page: the playhead moves at 16 days per
    // second and starts again at the beginning of the range rather than stopping (a frame of
    // 100k arcs takes tens of seconds here).
    await playLooping(page);
    const frames = await sampleFrames(page, sample);
    await page.getByTestId('play').click().catch(() => undefined);
    return {
      arcs,
      import: { endToEndMs: imported.endToEndMs, parseMs: imported.parseMs, commitMs: imported.commitMs, longestTaskMs: imported.longTasksDuringImport.longestMs },
      reopenToIdleMs: loaded.now,
      firstIncidentFrameMs: loaded.firstIncidentFrameMs,
      hash,
      size: { width: Math.round(box.width), height: Math.round(box.height) },
      ...frames,
      errors: session.errors,
    };
  } finally {
    await session.close();
  }
}

async function barePlayback({ bareUrl, count, json, hash, size, sample }) {
  const session = await openBrowser();
  try {
    const { page } = session;
    const dataUrl = `${bareUrl}bench-data/incidents-${count}.json`;
    await page.route(dataUrl, (route) => route.fulfill({ status: 200, contentType: 'application/json', body: readFileSync(json.file) }));
    const params = new URLSearchParams({ data: dataUrl, w: String(size.width), h: String(size.height), from: PLAYBACK_FROM, to: PLAYBACK_TO, start: PLAYBACK_START, speed: '16' });
    await page.goto(`${bareUrl}arcs.html?${params}${hash}`);
    await page.waitForFunction(() => window.__bare?.ready === true || window.__bare?.error, null, { timeout: 600_000, polling: 200 });
    const state = await page.evaluate(() => ({ arcs: window.__bare.arcs, error: window.__bare.error }));
    if (state.error) throw new Error(`bare arcs page: ${state.error}`);
    await page.waitForFunction(() => window.__strikesMapPerf?.firstIncidentFrame != null, null, { timeout: 600_000, polling: 200 });
    const firstIncidentFrameMs = await page.evaluate(() => window.__strikesMapPerf.firstIncidentFrame);
    await page.evaluate(() => window.__barePlay());
    const frames = await sampleFrames(page, sample);
    await page.evaluate(() => window.__barePause());
    return { arcs: state.arcs, firstIncidentFrameMs, ...frames, errors: session.errors };
  } finally {
    await session.close();
  }
}

export async function measurePlayback({ appUrl, bareUrl, count, json, sample, log }) {
  const app = await appPlayback({ appUrl, count, json, sample, log });
  log(`  app, ${count} arcs: ${round(app.msPerFrame, 1)} ms/frame (interval median ${round(app.medianMs, 1)}, p95 ${round(app.p95Ms, 1)}; ${app.frames} frames; rAF median ${round(app.rafMedianMs, 1)} ms)`);
  const bare = await barePlayback({ bareUrl, count, json, hash: app.hash, size: app.size, sample });
  log(`  bare, ${count} arcs: ${round(bare.msPerFrame, 1)} ms/frame (interval median ${round(bare.medianMs, 1)}, p95 ${round(bare.p95Ms, 1)}; ${bare.frames} frames; rAF median ${round(bare.rafMedianMs, 1)} ms)`);
  return { count, sample, app, bare, ratio: app.msPerFrame / bare.msPerFrame };
}
