/**
 * What every part of an export's furniture is drawn with: its inks, fonts, scale and text
 * fitting, and the furniture's description (Furniture) that export-scene.ts fills.
 */
import type { Rgb } from '../map/incident-style';
import { EXPORT_FONT_STACK } from './export-fonts';
import type { CaptionText } from '../story/caption-text';

export interface LegendKind {
  color: Rgb;
  label: string;
}

export interface LegendStatus {
  /** STATUS_STYLE of the status: the same alpha, dash and width as the map. */
  style: { alpha: number; dash: readonly [number, number]; width: number };
  label: string;
}

/** The story burned into a video frame (drawn by story-drawing.ts). */
export interface StoryFurniture {
  captions: (CaptionText & { color: Rgb })[];
  /** "+ 2 more at this time", or null. */
  more: string | null;
  /** "So far: 6 attacks on bases · 3 strikes in return", or null. */
  tally: string | null;
}

export interface Furniture {
  dir: 'ltr' | 'rtl';
  title: string;
  /** The date range, e.g. "1 Aug 2022 – 30 Sep 2022". */
  subtitle: string;
  /** The playhead's date, shown large; null when no playhead. */
  dateLabel: string | null;
  legend: {
    title: string;
    kindsTitle: string;
    kinds: LegendKind[];
    statusesTitle: string;
    statuses: LegendStatus[];
    /** Colour of the status samples (the map's red). */
    statusColor: Rgb;
    /** Label of the impact dot (no origin reported), or null to leave it out. */
    impact: string | null;
    /** Label of the shaded location-uncertainty circles, or null when none are drawn. */
    uncertainty: string | null;
  };
  /** The camera the image was drawn with (CSS-pixel zoom), for the scale bar and the north arrow. */
  camera: { latitude: number; zoom: number; bearing: number };
  /** "50 km", "٥٠ كم". */
  formatDistance: (metres: number) => string;
  northLabel: string;
  /** "Sources:" then the outlets, shortened with `more(n)` when they do not fit. */
  sources: { prefix: string; outlets: string[]; more: (hidden: number) => string };
  /** Attribution of the basemap and the credit line. */
  credit: string;
  /** Captions and tally burned into a video frame; null or absent for none. */
  story?: StoryFurniture | null;
}

export const INK = '#1f2328';
export const MUTED = '#57606a';
export const LINE = '#d0d7de';
export const BAND = 'rgba(255, 255, 255, 0.93)';

export const rgb = (c: Rgb, alpha = 1) => `rgba(${c[0]}, ${c[1]}, ${c[2]}, ${alpha})`;
export const font = (weight: 400 | 600, px: number) => `${weight} ${px.toFixed(2)}px ${EXPORT_FONT_STACK}`;

/**
 * Scale of the furniture: 1 for a 1100×620 CSS-pixel frame, growing more slowly than the
 * frame (the basemap's own labels do not grow at all) and never below legible.
 */
export function furnitureScale(cssWidth: number, cssHeight: number): number {
  return Math.min(1.8, Math.max(0.6, Math.min(cssWidth / 1100, cssHeight / 620) ** 0.6));
}

export type Ctx = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;

/** Text shrunk (down to minScale) and then cut with an ellipsis to fit a width. */
export function fitText(ctx: Ctx, text: string, weight: 400 | 600, size: number, maxWidth: number, minScale = 0.75): { text: string; size: number } {
  ctx.font = font(weight, size);
  let width = ctx.measureText(text).width;
  if (width <= maxWidth) return { text, size };
  const smaller = Math.max(size * minScale, (size * maxWidth) / width);
  ctx.font = font(weight, smaller);
  width = ctx.measureText(text).width;
  if (width <= maxWidth) return { text, size: smaller };
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (ctx.measureText(`${text.slice(0, mid).trimEnd()}…`).width <= maxWidth) lo = mid;
    else hi = mid - 1;
  }
  return { text: `${text.slice(0, lo).trimEnd()}…`, size: smaller };
}

export function roundRect(ctx: Ctx, x: number, y: number, w: number, h: number, r: number): void {
  ctx.beginPath();
  ctx.roundRect(x, y, w, h, r);
}
