/**
 * The map drawn without WebGL (CanvasMap.svelte), for the PNG export: its view as an
 * export sees it, and what it draws the basemap and places from; registered while it is
 * on the page.
 */
import type { SceneView } from '../export/export-scene';
import type { CanvasMapSource } from '../export/canvas-png';

export interface CanvasMapHandle {
  sceneView(): SceneView;
  /** Null until the basemap files are read. */
  source(): CanvasMapSource | null;
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
