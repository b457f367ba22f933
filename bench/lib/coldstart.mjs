// 1. Cold start: a fresh profile opens the app (so IndexedDB is seeded from the bundled
// dataset); navigation start -> the first deck.gl frame drawn with incidents
// (window.__strikesMapPerf.firstIncidentFrame, a performance.now() value, whose origin is
// the navigation start), and -> that frame rendered by the GPU process (the figure: "arcs on
// the canvas"); and -> the first frame with the impacts and target halos too, rendered (the
// app draws them one frame after the arcs: src/lib/map/arcs-first.ts; the bare page has none).
// Then a warm start: a second visit with the same profile.
import { readFileSync } from 'node:fs';
import { openBrowser } from './browser.mjs';
import { median, round } from './stats.mjs';

async function firstArcs(page, url) {
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(() => window.__strikesMapPerf?.rendered?.firstCompleteFrame != null, null, { timeout: 120_000, polling: 50 });
  return page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    const paint = Object.fromEntries(performance.getEntriesByType('paint').map((e) => [e.name, e.startTime]));
    return {
      firstArcsMs: window.__strikesMapPerf.rendered.firstIncidentFrame,
      firstArcsIssuedMs: window.__strikesMapPerf.firstIncidentFrame,
      completeMs: window.__strikesMapPerf.rendered.firstCompleteFrame,
      domContentLoadedMs: nav?.domContentLoadedEventEnd ?? null,
      loadMs: nav?.loadEventEnd ?? null,
      firstContentfulPaintMs: paint['first-contentful-paint'] ?? null,
      longTasks: (window.__benchLongTasks ?? []).map((t) => ({ start: Math.round(t.start), ms: Math.round(t.duration) })),
      syncs: window.__benchSyncs,
      arcs: Number(document.querySelector('[data-testid="map"]')?.getAttribute('data-arc-count') ?? 0),
    };
  });
}

/**
 * The bare page (bench/bare/arcs.html: MapLibre with the same offline basemap style and one
 * deck.gl overlay drawing the bundled dataset's arcs, nothing else) on a fresh profile:
 * navigation start -> its first deck.gl frame with arcs, rendered. What MapLibre and deck.gl
 * alone need on this machine; the app adds IndexedDB, its interface and its other layers.
 */
async function bareFirstArcs(bareUrl) {
  const session = await openBrowser();
  try {
    const { page } = session;
    const dataUrl = `${bareUrl}bench-data/bundled-incidents.json`;
    const body = readFileSync(new URL('../../data/incidents.json', import.meta.url));
    await page.route(dataUrl, (route) => route.fulfill({ status: 200, contentType: 'application/json', body }));
    const params = new URLSearchParams({ data: dataUrl, from: '2021-01-01', to: '2024-12-31' });
    await page.goto(`${bareUrl}arcs.html?${params}`, { waitUntil: 'commit' });
    await page.waitForFunction(() => window.__strikesMapPerf?.rendered?.firstIncidentFrame != null || window.__bare?.error, null, { timeout: 120_000, polling: 50 });
    return await page.evaluate(() => {
      if (window.__bare?.error) throw new Error(`bare arcs page: ${window.__bare.error}`);
      return { firstArcsMs: window.__strikesMapPerf.rendered.firstIncidentFrame, firstArcsIssuedMs: window.__strikesMapPerf.firstIncidentFrame, arcs: window.__bare.arcs };
    });
  } finally {
    await session.close();
  }
}

export async function measureColdStart({ appUrl, bareUrl, runs, log }) {
  const cold = [];
  const warm = [];
  const bare = [];
  let requests = [];
  let browserVersion = null;
  const errors = [];
  for (let i = 0; i < runs; i++) {
    const session = await openBrowser();
    try {
      browserVersion ??= await session.version();
      const first = await firstArcs(session.page, appUrl);
      cold.push(first);
      if (i === 0) requests = [...session.responses];
      // Let the seeding settle before the second visit.
      await session.page.waitForTimeout(500);
      await session.page.goto('about:blank');
      const second = await firstArcs(session.page, appUrl);
      warm.push(second);
      errors.push(...session.errors);
      log(`  cold start run ${i + 1}/${runs}: arcs rendered at ${round(first.firstArcsMs, 0)} ms (frame issued ${round(first.firstArcsIssuedMs, 0)}; impacts and halos too at ${round(first.completeMs, 0)}; warm ${round(second.firstArcsMs, 0)} ms, ${first.arcs} arcs)`);
    } finally {
      await session.close();
    }
    // Interleaved with the app's runs, so that both see the same state of the machine.
    const b = await bareFirstArcs(bareUrl);
    bare.push(b);
    log(`  bare page run ${i + 1}/${runs}: arcs rendered at ${round(b.firstArcsMs, 0)} ms (frame issued ${round(b.firstArcsIssuedMs, 0)}, ${b.arcs} arcs)`);
  }
  return {
    coldMs: median(cold.map((r) => r.firstArcsMs)),
    coldIssuedMs: median(cold.map((r) => r.firstArcsIssuedMs)),
    completeMs: median(cold.map((r) => r.completeMs)),
    warmMs: median(warm.map((r) => r.firstArcsMs)),
    bareMs: median(bare.map((r) => r.firstArcsMs)),
    bareIssuedMs: median(bare.map((r) => r.firstArcsIssuedMs)),
    cold,
    bare,
    warm,
    requests,
    browserVersion,
    errors,
  };
}
