/**
 * The arithmetic of exports, pure and unit-tested: output sizes, the camera of an export
 * of another size than the screen, the scale bar, and file names.
 */
import { isoDateOfDay } from '../timeline/incident-time';

export const PNG_PRESETS = ['1x', '2x', '4x', '1920x1080', '3840x2160'] as const;
export type PngPreset = (typeof PNG_PRESETS)[number];

/** What is rendered: a CSS-pixel layout drawn at `pixelRatio` device pixels per CSS pixel. */
export interface RenderSize {
  cssWidth: number;
  cssHeight: number;
  pixelRatio: number;
}

export interface Camera {
  center: [number, number];
  zoom: number;
  bearing: number;
  pitch: number;
}

/** The on-screen map: its size in CSS pixels and its camera. */
export interface ScreenView extends Camera {
  width: number;
  height: number;
}

/**
 * The render size of a preset. The ×N sizes keep the screen's layout and multiply its
 * pixels (the same view, sharper). 1920×1080 is laid out at that size; 3840×2160 is the
 * same layout at twice the pixel density, so that labels and lines stay legible in 4K.
 */
export function presetSize(preset: PngPreset, screen: { width: number; height: number }): RenderSize {
  const w = Math.max(1, Math.round(screen.width));
  const h = Math.max(1, Math.round(screen.height));
  switch (preset) {
    case '1x':
      return { cssWidth: w, cssHeight: h, pixelRatio: 1 };
    case '2x':
      return { cssWidth: w, cssHeight: h, pixelRatio: 2 };
    case '4x':
      return { cssWidth: w, cssHeight: h, pixelRatio: 4 };
    case '1920x1080':
      return { cssWidth: 1920, cssHeight: 1080, pixelRatio: 1 };
    case '3840x2160':
      return { cssWidth: 1920, cssHeight: 1080, pixelRatio: 2 };
  }
}

/** Device pixels of a render size: the size of the file. */
export function pixelSize(size: RenderSize): { width: number; height: number } {
  return { width: Math.round(size.cssWidth * size.pixelRatio), height: Math.round(size.cssHeight * size.pixelRatio) };
}

/**
 * The camera that shows what the screen shows in a frame of another size: the screen's
 * rectangle fitted inside the target (same centre, bearing and pitch; zoom changed by the
 * ratio of the sizes). The same size gives the same camera.
 */
export function fitCamera(screen: ScreenView, target: { cssWidth: number; cssHeight: number }): Camera {
  const ratio = Math.min(target.cssWidth / screen.width, target.cssHeight / screen.height);
  return {
    center: [screen.center[0], screen.center[1]],
    zoom: screen.zoom + Math.log2(ratio),
    bearing: screen.bearing,
    pitch: screen.pitch,
  };
}

/** Metres on the ground per CSS pixel at a latitude and zoom (Web Mercator, 512-pixel tiles). */
export function metresPerPixel(latitude: number, zoom: number): number {
  return (40_075_016.686 * Math.cos((latitude * Math.PI) / 180)) / (512 * 2 ** zoom);
}

/** A round length (1, 2 or 5 × 10^n metres) no longer than `maxMetres`. */
export function roundLength(maxMetres: number): number {
  if (!(maxMetres > 0) || !Number.isFinite(maxMetres)) return 0;
  const magnitude = 10 ** Math.floor(Math.log10(maxMetres));
  for (const step of [5, 2, 1]) if (step * magnitude <= maxMetres) return step * magnitude;
  return magnitude;
}

/** The scale bar: a round length and its width in CSS pixels, at most `maxWidth` wide. */
export function scaleBar(latitude: number, zoom: number, maxWidth: number): { metres: number; width: number } {
  const perPixel = metresPerPixel(latitude, zoom);
  const metres = roundLength(perPixel * maxWidth);
  return { metres, width: metres / perPixel };
}

export const FILE_PREFIX = 'eastern-syria-strikes';

/**
 * A file name carrying the date range (inclusive days) and the playhead when set:
 * `eastern-syria-strikes_2022-08-01_2022-09-30.png`,
 * `eastern-syria-strikes_2022-08-01_2022-09-30_at-2022-08-24.png`.
 * `range` is [first day, day after the last] in days since TIME_ORIGIN.
 */
export function exportFileName(range: readonly [number, number], extension: string, playhead: number | null = null): string {
  const first = isoDateOfDay(range[0]);
  const last = isoDateOfDay(Math.max(range[0], range[1] - 1));
  const at = playhead === null ? '' : `_at-${isoDateOfDay(clampPlayhead(playhead, range))}`;
  return `${FILE_PREFIX}_${first}_${last}${at}.${extension.replace(/^\./, '')}`;
}

/** The playhead inside the range: at the range's end it stands for the last day, not the day after. */
export function clampPlayhead(playhead: number, range: readonly [number, number]): number {
  return Math.min(Math.max(playhead, range[0]), range[1] - 1e-6);
}
