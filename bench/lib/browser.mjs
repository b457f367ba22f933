// Headless Chromium as the end-to-end tests start it (tests/e2e/chromium.ts and
// browser-session.ts): a fresh temporary profile per session, software WebGL2.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

export { chromiumArgs, chromiumPath } from '../../scripts/chromium.mjs';
import { chromiumArgs, chromiumPath } from '../../scripts/chromium.mjs';

export const VIEWPORT = { width: 1280, height: 800 };

/**
 * Runs in every page before its own scripts. The app writes `window.__strikesMapPerf.lastFrame`
 * after each deck.gl frame (and keeps an object already there): this one keeps every frame
 * time, and can tell when a frame has been *rendered*, not only issued. With software WebGL
 * (SwiftShader, in Chromium's GPU process) deck.gl returns from a frame long before the GPU
 * process has drawn it; reading one pixel back from the map's canvases waits for that.
 * Also keeps every long task.
 */
function instrumentPage() {
  const frames = [];
  let last = 0;
  const pending = [];
  const scratch = new Uint8Array(4);
  /** Waits until every WebGL canvas of the map has drawn what it was given; returns the time. */
  const syncs = [];
  window.__benchSyncs = syncs;
  const syncGl = () => {
    const start = performance.now();
    for (const canvas of document.querySelectorAll('[data-testid="map"] canvas, #map canvas')) {
      // getContext returns the context the canvas already has (and null for another kind).
      const gl = canvas.getContext('webgl2') ?? canvas.getContext('webgl');
      if (gl) gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, scratch);
    }
    const end = performance.now();
    // A long task holding this wait is the benchmark's, not the app's: longTasks() leaves it out.
    syncs.push({ start, end });
    return end;
  };
  const afterTask = (fn) => setTimeout(fn, 0);
  const stats = { frames: 0, rendered: { firstIncidentFrame: null, firstEventFrame: null, firstCompleteFrame: null } };
  Object.defineProperty(stats, 'lastFrame', {
    enumerable: true,
    get: () => last,
    set: (value) => {
      last = value;
      if (frames.length < 200_000) frames.push(value);
      const ready = pending.filter((p) => value > p.after);
      if (ready.length) {
        for (const p of ready) pending.splice(pending.indexOf(p), 1);
        afterTask(() => {
          const rendered = syncGl();
          for (const p of ready) p.resolve({ frame: value, rendered });
        });
      }
    },
  });
  // Each "first frame" the app records is also timed once the GPU process has rendered it.
  for (const name of ['firstIncidentFrame', 'firstCompleteFrame', 'firstEventFrame']) {
    let issued = null;
    Object.defineProperty(stats, name, {
      enumerable: true,
      get: () => issued,
      set: (value) => {
        issued = value;
        if (value !== null) afterTask(() => (stats.rendered[name] ??= syncGl()));
      },
    });
  }
  window.__strikesMapPerf = stats;
  window.__benchFrames = frames;
  /** Resolves with { frame, rendered } for the first deck.gl frame issued after `after`. */
  window.__benchNextFrame = (after) => new Promise((resolve) => pending.push({ after, resolve }));
  window.__benchLongTasks = [];
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__benchLongTasks.push({ start: entry.startTime, duration: entry.duration, name: entry.name });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    window.__benchLongTasks = null; // not supported: reported as such
  }
}

/** One Chromium for every session of a run (`shareBrowser`), each in a fresh context of its own. */
let shared = null;

/**
 * The smoke run's sessions share one Chromium, each in a fresh context (its own storage, cache
 * and service workers): starting a browser per session cost it about 20 s of its two minutes.
 * A measured run starts a fresh browser and profile for each (no shader cache carried over).
 */
export function shareBrowser() {
  shared ??= chromium.launch({ executablePath: chromiumPath(), headless: true, args: chromiumArgs });
}

/** A fresh profile; `close()` removes it. */
export async function openBrowser() {
  const profile = shared ? null : mkdtempSync(join(tmpdir(), 'strikes-map-bench-'));
  const options = { viewport: VIEWPORT, deviceScaleFactor: 1 };
  const context = shared
    ? await (await shared).newContext(options)
    : await chromium.launchPersistentContext(profile, { executablePath: chromiumPath(), headless: true, args: chromiumArgs, ...options });
  await context.addInitScript(instrumentPage);
  const page = context.pages()[0] ?? (await context.newPage());
  const errors = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
  const responses = [];
  context.on('response', (response) => {
    // byServiceWorker: fetched by a service worker for itself (a precache), not for the page.
    let byServiceWorker = false;
    try {
      byServiceWorker = response.request().serviceWorker() !== null;
    } catch {
      // older playwright-core: no service worker attribution
    }
    responses.push({ url: response.url(), status: response.status(), byServiceWorker });
  });
  return {
    context,
    page,
    errors,
    responses,
    profile,
    async version() {
      const cdp = await context.newCDPSession(page);
      const info = await cdp.send('Browser.getVersion');
      await cdp.detach();
      return info.product;
    },
    async close() {
      await context.close().catch(() => undefined);
      if (profile) rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Waits until the app's map says it is idle with deck.gl's layers drawn. */
export async function waitForMapIdle(page, timeout = 120_000) {
  await page.locator('[data-testid="map"][data-map-idle="true"]').waitFor({ state: 'attached', timeout });
}

/** Frame times (performance.now()) recorded since `since`. */
export async function framesSince(page, since) {
  return page.evaluate((t) => window.__benchFrames.filter((f) => f > t), since);
}

/**
 * Long tasks of the page that overlap [from, to], leaving out those that hold one of the
 * benchmark's own waits for the GPU process (see instrumentPage). Runs in the page.
 */
export function appLongTasks([from, to]) {
  const tasks = window.__benchLongTasks;
  if (!tasks) return null;
  const syncs = window.__benchSyncs ?? [];
  const ours = (t) => syncs.some((s) => s.start >= t.start - 1 && s.start <= t.start + t.duration);
  return tasks.filter((t) => t.start + t.duration >= from && t.start <= to && !ours(t));
}
