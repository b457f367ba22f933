/**
 * The opening frame draws the incidents' arcs before their impacts and target halos.
 *
 * Arcs and points are two shader programs. Where WebGL runs in software (SwiftShader: a
 * machine without a GPU, a virtual desktop), the GPU process takes about half a second to
 * compile the points' program, and a frame that needs it is shown only once it is compiled.
 * Measured on the project's 2-core machine (`npm run bench`, cold start), the arcs were on
 * screen 0.5 s sooner when that frame left the points out, and the points followed as soon as
 * their program was ready. With a GPU the two frames are a few milliseconds apart.
 *
 * Only the opening frame: once arcs have been drawn, every later frame has all its layers.
 */
import type { Layer } from '@deck.gl/core';

/** The incidents' layers drawn with deck.gl's scatterplot program: they wait for the arcs. */
export const POINT_LAYER_IDS: ReadonlySet<string> = new Set(['target-halos', 'incident-impacts', 'highlight-impact', 'incident-pulse-1', 'incident-pulse-2', 'incident-pulse-3']);

/** The layers of the opening frame: without the incidents' points while arcs are waiting to be drawn first. */
export function arcsFirst(layers: Layer[], waiting: boolean): Layer[] {
  if (!waiting || !layers.some((layer) => layer.id === 'incident-arcs' && hasData(layer))) return layers;
  return layers.filter((layer) => !POINT_LAYER_IDS.has(layer.id));
}

/** How many of these layers' rows are points that follow the arcs (for the render statistics). */
export function pointsIn(layers: readonly Layer[]): number {
  let n = 0;
  for (const layer of layers) if (POINT_LAYER_IDS.has(layer.id)) n += rowsOf(layer);
  return n;
}

function hasData(layer: Layer): boolean {
  return rowsOf(layer) > 0;
}

function rowsOf(layer: Layer): number {
  const data = layer.props.data as unknown;
  return Array.isArray(data) ? data.length : 0;
}
