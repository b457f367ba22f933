/**
 * PNG snapshots of the map at a chosen size, rendered at that size (not an enlarged
 * screenshot) with the incident layers and the citable furniture.
 */
import { ensureExportFonts } from './export-fonts';
import { exportFileName, fitCamera, pixelSize, presetSize, type PngPreset } from './export-geometry';
import { IncidentRenderer, renderBasemap, throwIfAborted } from './export-renderer';
import type { ExportScene } from './export-scene';
import { composeSnapshot } from './snapshot-composer';

export interface PngResult {
  blob: Blob;
  fileName: string;
  width: number;
  height: number;
  /** Milliseconds from the request to the encoded file. */
  elapsedMs: number;
}

export function toPngBlob(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('The image could not be encoded as PNG.'))), 'image/png'));
}

/** Renders the scene at a preset size and encodes it as PNG. */
export async function exportPng(scene: ExportScene, preset: PngPreset, signal?: AbortSignal): Promise<PngResult> {
  const started = performance.now();
  await ensureExportFonts();
  const size = presetSize(preset, scene.screen);
  if (!scene.style) throw new Error('This map has no MapLibre style: see canvas-png.ts.');
  const basemap = await renderBasemap(scene.style, fitCamera(scene.screen, size), size, signal);
  const renderer = await IncidentRenderer.open(basemap.camera, size, signal);
  const canvas = document.createElement('canvas');
  try {
    throwIfAborted(signal);
    const playhead = scene.layerState.playhead;
    // Compose right after drawing: the incident canvas is read before anything else runs.
    composeSnapshot(canvas, size, { basemap: basemap.image, incidents: renderer.render(scene.layerState) }, scene.furniture(basemap.camera, playhead, playhead));
  } finally {
    renderer.dispose();
  }
  const blob = await toPngBlob(canvas);
  return { blob, fileName: exportFileName(scene.range, 'png', scene.layerState.playhead), ...pixelSize(size), elapsedMs: performance.now() - started };
}
