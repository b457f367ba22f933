// 2. Import of an ACLED CSV through the app's UI, against a bare page parsing the same file
// with the same papaparse call shape, in the same run.
// 3. Reload with the rows stored: navigation start -> first frame drawn with them.
// 4. Moving the date brush with the rows stored: input -> next deck.gl frame.
import { basename } from 'node:path';
import { appLongTasks, openBrowser, waitForMapIdle } from './browser.mjs';
import { median, percentile, round } from './stats.mjs';

/**
 * Marks in the page: when the file is chosen, the report shown, confirm clicked (by this
 * script, at once), done shown.
 */
function installImportMarks() {
  const marks = {};
  // A CSV that is not ACLED: the suggested column mapping is applied at once, like a user who accepts it.
  const applyMapping = () => {
    const apply = document.querySelector('[data-testid="import-mapping-apply"]');
    if (apply && !apply.disabled && marks.mapping === undefined) {
      marks.mapping = performance.now();
      apply.click();
    }
  };
  window.__benchImport = marks;
  const isInput = (e) => e.target instanceof Element && e.target.matches('[data-testid="import-file-input"]');
  const chosen = (e) => {
    if (isInput(e) && marks.chosen === undefined) marks.chosen = performance.now();
  };
  document.addEventListener('input', chosen, true);
  document.addEventListener('change', chosen, true);
  const seen = () => {
    const now = performance.now();
    applyMapping();
    if (marks.chosen !== undefined && marks.report === undefined && document.querySelector('[data-testid="import-report"]')) marks.report = now;
    // Confirm as soon as the report shows, like a user who has read it already: the automation's
    // own round trip (hundreds of ms) stays out of the figure.
    const button = document.querySelector('[data-testid="import-confirm"]');
    if (marks.report !== undefined && marks.confirm === undefined && button && !button.disabled) {
      marks.confirm = performance.now();
      marks.accepted = document.querySelector('[data-testid="import-accepted-count"]')?.textContent ?? null;
      button.click();
    }
    if (marks.done === undefined && document.querySelector('[data-testid="import-done"]')) marks.done = now;
    if (marks.error === undefined && document.querySelector('[data-testid="import-error"]'))
      marks.error = document.querySelector('[data-testid="import-error"]').textContent;
  };
  new MutationObserver(seen).observe(document.body, { subtree: true, childList: true, attributes: true });
}

/** Longest long task whose start lies in [from, to] (main thread only: workers are not observed). */
async function longestTask(page, from, to) {
  const inside = await page.evaluate(appLongTasks, [from, to]);
  if (!inside) return { supported: false, longestMs: null, count: 0, over100: 0 };
  return {
    supported: true,
    longestMs: inside.reduce((m, t) => Math.max(m, t.duration), 0),
    count: inside.length,
    over100: inside.filter((t) => t.duration > 100).length,
    tasks: inside
      .sort((x, y) => y.duration - x.duration)
      .slice(0, 5)
      .map((t) => ({ start: Math.round(t.start - from), ms: Math.round(t.duration) })),
  };
}

/**
 * Imports `file` in the app opened in `session` (already at the app, map idle); returns the
 * timings. `eventsDrawn`: also waits for the first frame drawn with imported events.
 */
export async function importThroughUi(session, file, { eventsDrawn = true, timeout = 600_000 } = {}) {
  const { page } = session;
  await page.evaluate(installImportMarks);
  const nodeStart = performance.now();
  await page.getByTestId('import-file-input').setInputFiles(file);
  const outcome = page.locator('[data-testid="import-done"], [data-testid="import-error"], [data-testid="import-cancelled"]');
  await outcome.first().waitFor({ timeout });
  if (!(await page.getByTestId('import-done').count())) throw new Error(`import of ${basename(file)} did not finish: ${await outcome.first().innerText()}`);
  const nodeDone = performance.now();
  if (eventsDrawn) await page.waitForFunction(() => window.__strikesMapPerf?.rendered?.firstEventFrame != null, null, { timeout, polling: 50 });
  const marks = await page.evaluate(() => ({
    ...window.__benchImport,
    firstEventFrame: window.__strikesMapPerf?.firstEventFrame ?? null,
    firstEventRendered: window.__strikesMapPerf?.rendered?.firstEventFrame ?? null,
  }));
  if (marks.chosen === undefined || marks.report === undefined || marks.done === undefined)
    throw new Error(`import marks missing: ${JSON.stringify(marks)}`);
  const duringImport = await longestTask(page, marks.chosen, marks.done);
  const afterImport = eventsDrawn ? await longestTask(page, marks.done, marks.firstEventRendered + 1) : null;
  return {
    accepted: marks.accepted?.trim() ?? null,
    parseMs: marks.report - marks.chosen,
    mappingShownMs: marks.mapping === undefined ? null : marks.mapping - marks.chosen,
    uiStepMs: (marks.confirm ?? marks.report) - marks.report,
    commitMs: marks.done - (marks.confirm ?? marks.report),
    endToEndMs: marks.done - marks.chosen,
    toEventsDrawnMs: eventsDrawn ? marks.firstEventRendered - marks.chosen : null,
    toEventsIssuedMs: eventsDrawn ? marks.firstEventFrame - marks.chosen : null,
    nodeWallMs: nodeDone - nodeStart,
    longTasksDuringImport: duringImport,
    longTasksUntilDrawn: afterImport,
  };
}

async function bareParse(bareUrl, file) {
  const session = await openBrowser();
  try {
    await session.page.goto(`${bareUrl}parse.html`);
    await session.page.locator('[data-testid="file"]').setInputFiles(file);
    await session.page.waitForFunction(() => window.__bareParse?.done === true, null, { timeout: 600_000, polling: 50 });
    const result = await session.page.evaluate(() => window.__bareParse);
    if (result.error) throw new Error(`bare parse failed: ${result.error}`);
    return result;
  } finally {
    await session.close();
  }
}

async function measureReload(page) {
  await page.reload({ waitUntil: 'commit' });
  await page.waitForFunction(() => window.__strikesMapPerf?.rendered?.firstEventFrame != null, null, { timeout: 120_000, polling: 50 });
  const result = await page.evaluate(() => ({
    firstEventFrameMs: window.__strikesMapPerf.rendered.firstEventFrame,
    firstEventIssuedMs: window.__strikesMapPerf.firstEventFrame,
    firstIncidentFrameMs: window.__strikesMapPerf.firstIncidentFrame,
    events: document.querySelector('[data-testid="event-count"]')?.textContent?.trim() ?? null,
  }));
  result.longTasks = await longestTask(page, 0, result.firstEventFrameMs + 1);
  return result;
}

/**
 * Drags on the timeline chart like a user: pointer down, then `moves` steps. Each is timed
 * from the pointermove (as the page receives it) to the first deck.gl frame issued after it
 * and to that frame rendered by the GPU process (the figure).
 */
export async function measureBrush(page, moves) {
  await waitForMapIdle(page);
  const box = await page.getByTestId('timeline-chart').boundingBox();
  if (!box) throw new Error('no timeline chart');
  await page.evaluate(() => {
    window.__benchInputs = [];
    window.addEventListener(
      'pointermove',
      () => {
        const input = performance.now();
        window.__benchInputs.push(window.__benchNextFrame(input).then((frame) => ({ input, ...frame })));
      },
      true,
    );
  });
  const y = box.y + box.height * 0.4;
  const x0 = box.x + box.width * 0.15;
  const step = (box.width * 0.6) / moves;
  await page.mouse.move(x0, y);
  await page.mouse.down();
  const samples = [];
  for (let i = 1; i <= moves; i++) {
    const n = await page.evaluate(() => window.__benchInputs.length);
    await page.mouse.move(x0 + step * i, y);
    const sample = await page.evaluate(
      (k) =>
        Promise.race([
          window.__benchInputs[k],
          new Promise((resolve) => setTimeout(() => resolve(null), 120_000)),
        ]),
      n,
    );
    samples.push(sample ?? { input: null, frame: null, rendered: null });
    // Let the map settle before the next move.
    await page.waitForTimeout(150);
  }
  await page.mouse.up();
  const range = await page.evaluate(() => [document.querySelector('[data-testid="range-from"]')?.value, document.querySelector('[data-testid="range-to"]')?.value]);
  const done = samples.filter((s) => s.rendered !== null);
  const rendered = done.map((s) => s.rendered - s.input);
  const issued = done.map((s) => s.frame - s.input);
  const longTasks = await longestTask(page, samples[0]?.input ?? 0, done.at(-1)?.rendered ?? 1e12);
  return {
    medianMs: median(rendered),
    p95Ms: percentile(rendered, 95),
    maxMs: rendered.length ? Math.max(...rendered) : null,
    issuedMedianMs: median(issued),
    issuedMaxMs: issued.length ? Math.max(...issued) : null,
    samples: rendered.map((t) => round(t, 1)),
    issuedSamples: issued.map((t) => round(t, 1)),
    missed: samples.length - done.length,
    rangeAfter: range,
    longTasks,
  };
}

/**
 * The bare points page (bench/bare/points.html): the same number of points as the app's
 * imported events, drawn as the app draws them and nothing else, same map size and view.
 * Navigation -> first frame rendered, then `moves` filter-range changes -> frame rendered.
 */
async function barePoints(bareUrl, rows, { hash, size, moves }) {
  const session = await openBrowser();
  try {
    const { page } = session;
    await page.goto(`${bareUrl}points.html?n=${rows}&w=${size.width}&h=${size.height}${hash}`, { waitUntil: 'commit' });
    await page.waitForFunction(() => window.__strikesMapPerf?.rendered?.firstEventFrame != null, null, { timeout: 300_000, polling: 50 });
    const first = await page.evaluate(() => ({ renderedMs: window.__strikesMapPerf.rendered.firstEventFrame, issuedMs: window.__strikesMapPerf.firstEventFrame }));
    await page.waitForTimeout(500);
    const rendered = [];
    for (let i = 1; i <= moves; i++) {
      // As a drag from a third into 2021-2024 widening step by step (day numbers since 2020-01-01).
      const sample = await page.evaluate(
        ([from, to]) => {
          const input = performance.now();
          const next = window.__benchNextFrame(input);
          window.__bareRange(from, to);
          return next.then((frame) => ({ issued: frame.frame - input, rendered: frame.rendered - input }));
        },
        [366 + 300, 366 + 300 + (900 * i) / moves],
      );
      rendered.push(sample);
      await page.waitForTimeout(150);
    }
    return {
      firstFrame: first,
      brush: {
        medianMs: median(rendered.map((s) => s.rendered)),
        maxMs: Math.max(...rendered.map((s) => s.rendered)),
        issuedMedianMs: median(rendered.map((s) => s.issued)),
        samples: rendered.map((s) => round(s.rendered, 1)),
      },
      errors: session.errors,
    };
  } finally {
    await session.close();
  }
}

/** Words of the generated notes (scripts/generate-acled.mjs): a place, a weapon, an actor, two words, and a broad part of words. */
export const SEARCH_QUERIES = ['mayadin', 'drone', 'Islamic Resistance', 'coalition artillery', 'al'];

/**
 * Types each query into the search box and waits for its answer (the page's 'event-search'
 * measure, state/event-search.svelte.ts): the worker's time to search, the page's from request
 * to answer, and the next frame rendered after it. The search box is cleared after each.
 */
export async function measureSearch(page, queries) {
  const out = [];
  for (const query of queries) {
    const before = await page.evaluate(() => performance.getEntriesByName('event-search').length);
    await page.getByTestId('search').fill(query);
    // A build without the search over imported events (an older one, compared): nothing to measure.
    if (!(await page.getByTestId('event-search-status').waitFor({ timeout: 5000 }).then(() => true, () => false))) return [];
    const answer = await page.waitForFunction(
      ([q, n]) => {
        const entry = performance.getEntriesByName('event-search').slice(n).find((e) => e.detail?.query === q);
        return entry ? { answeredAt: entry.startTime + entry.duration, answerMs: entry.duration, ...entry.detail } : null;
      },
      [query, before],
      { timeout: 300_000, polling: 20 },
    );
    const found = await answer.jsonValue();
    // The frame drawing the matches: rendered when it comes after this call, else (already drawn) issued.
    const frame = await page.evaluate((at) => {
      const issued = window.__benchFrames.find((f) => f > at);
      if (issued !== undefined) return { frame: issued, rendered: null };
      return Promise.race([window.__benchNextFrame(at), new Promise((resolve) => setTimeout(() => resolve(null), 30_000))]);
    }, found.answeredAt);
    const drawnAt = frame ? (frame.rendered ?? frame.frame) : null;
    out.push({ query, matches: found.matches, searchMs: found.searchMs, loadMs: found.loadMs, answerMs: found.answerMs, renderedMs: drawnAt === null ? null : drawnAt - found.answeredAt });
    await page.getByTestId('search').fill('');
    await page.waitForTimeout(300);
  }
  return out;
}

/**
 * One size: the app's import (fresh profile), then the bare parse (fresh profile); with
 * `reloadAndBrush`, the reload and the brush on the app's profile before it is closed.
 */
export async function measureImport({ appUrl, bareUrl, csv, rows, reloadAndBrush, brushMoves, searchQueries = SEARCH_QUERIES, log }) {
  const result = { rows, file: basename(csv.file), bytes: csv.bytes };
  const session = await openBrowser();
  try {
    await session.page.goto(`${appUrl}#map=7.5/35.0/40.6`);
    await waitForMapIdle(session.page);
    if (reloadAndBrush) {
      // The same brush before anything is imported: what the brush with the rows is judged against.
      result.brushWithout = await measureBrush(session.page, brushMoves);
      log(`  brush with no imported data: input -> frame rendered median ${round(result.brushWithout.medianMs, 1)} ms, max ${round(result.brushWithout.maxMs, 1)} ms`);
      await session.page.goto(`${appUrl}#map=7.5/35.0/40.6`);
      await waitForMapIdle(session.page);
    }
    const app = await importThroughUi(session, csv.file);
    result.app = app;
    result.rowsPerSecond = rows / (app.endToEndMs / 1000);
    log(
      `  import ${rows} rows: ${round(app.endToEndMs, 0)} ms end to end (parse ${round(app.parseMs, 0)}, commit ${round(app.commitMs, 0)}), ` +
        `drawn at ${round(app.toEventsDrawnMs, 0)} ms (issued ${round(app.toEventsIssuedMs, 0)}), longest task ${round(app.longTasksDuringImport.longestMs, 0)} / ${round(app.longTasksUntilDrawn?.longestMs, 0)} ms`,
    );
    if (reloadAndBrush) {
      await waitForMapIdle(session.page);
      result.reload = await measureReload(session.page);
      log(`  reload with ${rows} rows stored: first frame with them rendered at ${round(result.reload.firstEventFrameMs, 0)} ms (issued ${round(result.reload.firstEventIssuedMs, 0)})`);
      result.brush = await measureBrush(session.page, brushMoves);
      result.view = {
        hash: await session.page.evaluate(() => location.hash),
        size: await session.page.getByTestId('map').boundingBox().then((b) => ({ width: Math.round(b.width), height: Math.round(b.height) })),
      };
      log(
        `  brush at ${rows} rows: input -> frame rendered median ${round(result.brush.medianMs, 1)} ms, max ${round(result.brush.maxMs, 1)} ms ` +
          `(frame issued: median ${round(result.brush.issuedMedianMs, 1)}, max ${round(result.brush.issuedMaxMs, 1)}) over ${result.brush.samples.length} moves`,
      );
    }
    result.search = await measureSearch(session.page, searchQueries);
    for (const q of result.search)
      log(
        `  search ${JSON.stringify(q.query)} over ${rows} rows: ${q.matches} match, answered in ${round(q.searchMs, 1)} ms in the worker ` +
          `(${round(q.answerMs, 0)} ms request -> answer in the page${q.loadMs > 1 ? `, index read in ${round(q.loadMs, 0)} ms first` : ''}), next frame ${round(q.renderedMs, 0)} ms after the answer`,
      );
    result.errors = session.errors;
  } finally {
    await session.close();
  }
  const bare = await bareParse(bareUrl, csv.file);
  result.bare = bare;
  result.ratio = result.app.endToEndMs / bare.ms;
  log(`  bare parse of the same file: ${round(bare.ms, 0)} ms (${bare.rows} records); app/bare ${round(result.ratio, 2)}`);
  if (result.view) {
    result.barePoints = await barePoints(bareUrl, rows, { hash: result.view.hash, size: result.view.size, moves: brushMoves });
    const b = result.barePoints;
    log(
      `  bare page drawing ${rows} points: first frame rendered at ${round(b.firstFrame.renderedMs, 0)} ms (issued ${round(b.firstFrame.issuedMs, 0)}); ` +
        `range change -> rendered median ${round(b.brush.medianMs, 1)} ms, max ${round(b.brush.maxMs, 1)} ms`,
    );
  }
  return result;
}
