/**
 * The map drawn without WebGL (CanvasMap.svelte), for the PNG export: its view, its
 * basemap data and its places, registered while it is on the page.
 */
import type { Feature, Point } from 'geojson';
import type { BasemapData } from '../map/canvas/canvas-basemap';
import type { CanvasView } from '../map/canvas/canvas-view';
import type { PlaceProperties } from '../map/place-features';

export interface CanvasMapHandle {
  view(): CanvasView;
  basemap(): BasemapData | null;
  features(): Feature<Point, PlaceProperties>[];
}

class CanvasMapState {
  handle = $state.raw<CanvasMapHandle | null>(null);
}

export const canvasMap = new CanvasMapState();

/** Registers the canvas map; returns its unregistration. */
export function setCanvasMap(handle: CanvasMapHandle): () => void {
  canvasMap.handle = handle;
  return () => {
    if (canvasMap.handle === handle) canvasMap.handle = null;
  };
}
