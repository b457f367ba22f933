/**
 * When deck.gl last drew, and when it first drew incidents and imported events: read by
 * the benchmark (`npm run bench`) through `window.__strikesMapPerf`. Costs one object
 * write per frame; nothing else reads it.
 */
export interface RenderStats {
  /** performance.now() of the first frame drawn with incidents, and with imported events. */
  firstIncidentFrame: number | null;
  firstEventFrame: number | null;
  /** performance.now() of the first frame with the incidents' impacts and target halos too (they follow the arcs: map/arcs-first.ts). */
  firstCompleteFrame: number | null;
  /** performance.now() of the latest frame, and how many frames were drawn. */
  lastFrame: number;
  frames: number;
}

declare global {
  interface Window {
    __strikesMapPerf?: RenderStats;
  }
}

export function renderStats(): RenderStats {
  window.__strikesMapPerf ??= { firstIncidentFrame: null, firstEventFrame: null, firstCompleteFrame: null, lastFrame: 0, frames: 0 };
  return window.__strikesMapPerf;
}

export function recordFrame(drew: { incidents: number; events: number; points: number }): void {
  const stats = renderStats();
  const now = performance.now();
  stats.lastFrame = now;
  stats.frames += 1;
  if (stats.firstIncidentFrame === null && drew.incidents > 0) stats.firstIncidentFrame = now;
  if (stats.firstEventFrame === null && drew.events > 0) stats.firstEventFrame = now;
  if (stats.firstCompleteFrame === null && drew.incidents > 0 && drew.points > 0) stats.firstCompleteFrame = now;
}
