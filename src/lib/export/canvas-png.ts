/**
 * PNG snapshots of the map drawn without WebGL: the same 2D drawing as on screen
 * (lib/map/canvas/) at the chosen size, with the same title, legend, scale bar and credits
 * as the WebGL export (snapshot-composer.ts).
 */
import type { Feature, Point } from 'geojson';
import { drawBasemapLabels, drawBasemapShapes, type BasemapData } from '../map/canvas/canvas-basemap';
import type { LabelBoxes } from '../map/canvas/canvas-labels';
import { drawPlaces } from '../map/canvas/canvas-places';
import { drawScene } from '../map/canvas/canvas-scene';
import { projectionOf, type CanvasView } from '../map/canvas/canvas-view';
import type { PlaceProperties } from '../map/place-features';
import { ensureExportFonts } from './export-fonts';
import { exportFileName, fitCamera, pixelSize, presetSize, type PngPreset } from './export-geometry';
import type { ExportScene } from './export-scene';
import type { PngResult } from './png-export';
import { toPngBlob } from './png-export';
import { composeSnapshot } from './snapshot-composer';

export interface CanvasMapSource {
  basemap: BasemapData;
  features: Feature<Point, PlaceProperties>[];
  lang: 'en' | 'ar';
}

/** Draws the map at a preset size and encodes it as PNG. */
export async function exportCanvasPng(scene: ExportScene, preset: PngPreset, source: CanvasMapSource): Promise<PngResult> {
  const started = performance.now();
  await ensureExportFonts();
  const size = presetSize(preset, scene.screen);
  const camera = fitCamera(scene.screen, size);
  const { width, height } = pixelSize(size);
  const view: CanvasView = { lon: camera.center[0], lat: camera.center[1], zoom: camera.zoom, width: size.cssWidth, height: size.cssHeight };
  const layer = (): [HTMLCanvasElement, CanvasRenderingContext2D] => {
    const c = document.createElement('canvas');
    c.width = width;
    c.height = height;
    const ctx = c.getContext('2d')!;
    ctx.setTransform(size.pixelRatio, 0, 0, size.pixelRatio, 0, 0);
    return [c, ctx];
  };
  const projection = projectionOf(view);
  // The basemap and places below, the incident layers above: as the WebGL export composes them.
  const [base, baseCtx] = layer();
  const boxes: LabelBoxes = [];
  drawBasemapShapes(baseCtx, projection, source.basemap, view);
  drawPlaces(baseCtx, projection, source.features, source.lang, boxes);
  drawBasemapLabels(baseCtx, projection, source.basemap, view.zoom, source.lang, boxes);
  const [incidents, incidentCtx] = layer();
  drawScene(incidentCtx, projection, { ...scene.layerState, zoom: view.zoom }, { view, highlightId: null });
  const canvas = document.createElement('canvas');
  const playhead = scene.layerState.playhead;
  composeSnapshot(canvas, size, { basemap: base, incidents }, scene.furniture(camera, playhead, playhead));
  const blob = await toPngBlob(canvas);
  return { blob, fileName: exportFileName(scene.range, 'png', playhead), ...pixelSize(size), elapsedMs: performance.now() - started };
}
