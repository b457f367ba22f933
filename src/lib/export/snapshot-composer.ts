/**
 * Composes an export image in canvas 2D: the basemap image, the incident layers on top,
 * then what makes a map citable: a title band (title, date range, the playhead's date),
 * a legend, a scale bar, a north arrow when the map is rotated, and a footer naming the
 * sources and the basemap's attribution. Everything is laid out in CSS pixels and drawn
 * at the render's pixel ratio, so a 4× image is sharp, not enlarged. Right to left for
 * Arabic (canvas 2D shapes Arabic itself).
 */
import { screenDash } from '../map/incident-glyphs';
import type { Rgb } from '../map/incident-style';
import { EXPORT_FONT_STACK } from './export-fonts';
import { pixelSize, scaleBar, type RenderSize } from './export-geometry';

export interface LegendKind {
  color: Rgb;
  label: string;
}

export interface LegendStatus {
  /** STATUS_STYLE of the status: the same alpha, dash and width as the map. */
  style: { alpha: number; dash: readonly [number, number]; width: number };
  label: string;
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
}

const INK = '#1f2328';
const MUTED = '#57606a';
const LINE = '#d0d7de';
const BAND = 'rgba(255, 255, 255, 0.93)';

const rgb = (c: Rgb, alpha = 1) => `rgba(${c[0]}, ${c[1]}, ${c[2]}, ${alpha})`;
const font = (weight: 400 | 600, px: number) => `${weight} ${px.toFixed(2)}px ${EXPORT_FONT_STACK}`;

/**
 * Scale of the furniture: 1 for a 1100×620 CSS-pixel frame, growing more slowly than the
 * frame (the basemap's own labels do not grow at all) and never below legible.
 */
export function furnitureScale(cssWidth: number, cssHeight: number): number {
  return Math.min(1.8, Math.max(0.6, Math.min(cssWidth / 1100, cssHeight / 620) ** 0.6));
}

type Ctx = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;

/** Text shrunk (down to minScale) and then cut with an ellipsis to fit a width. */
function fitText(ctx: Ctx, text: string, weight: 400 | 600, size: number, maxWidth: number, minScale = 0.75): { text: string; size: number } {
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

function roundRect(ctx: Ctx, x: number, y: number, w: number, h: number, r: number): void {
  ctx.beginPath();
  ctx.roundRect(x, y, w, h, r);
}

/** The sources line: as many outlets as fit, then "and N more". */
function sourcesText(ctx: Ctx, sources: Furniture['sources'], maxWidth: number): string {
  const { prefix, outlets, more } = sources;
  const join = (list: string[]) => `${prefix} ${list.join('; ')}`;
  if (outlets.length === 0 || ctx.measureText(join(outlets)).width <= maxWidth) return outlets.length ? join(outlets) : '';
  for (let k = outlets.length - 1; k >= 1; k--) {
    const text = `${join(outlets.slice(0, k))}; ${more(outlets.length - k)}`;
    if (ctx.measureText(text).width <= maxWidth) return text;
  }
  return `${prefix} ${more(outlets.length)}`;
}

/**
 * Draws the export image into `canvas` (resized to the render's pixel size): the basemap,
 * the incidents, then the furniture.
 */
export function composeSnapshot(
  canvas: HTMLCanvasElement | OffscreenCanvas,
  size: RenderSize,
  images: { basemap: CanvasImageSource; incidents: CanvasImageSource | null },
  furniture: Furniture,
): void {
  const { width: pw, height: ph } = pixelSize(size);
  if (canvas.width !== pw) canvas.width = pw;
  if (canvas.height !== ph) canvas.height = ph;
  const ctx = canvas.getContext('2d') as Ctx | null;
  if (!ctx) throw new Error('No 2D canvas for the export.');
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, pw, ph);
  ctx.drawImage(images.basemap, 0, 0, pw, ph);
  if (images.incidents) ctx.drawImage(images.incidents, 0, 0, pw, ph);

  const pr = pw / size.cssWidth;
  ctx.setTransform(pr, 0, 0, ph / size.cssHeight, 0, 0);
  drawFurniture(ctx, size.cssWidth, size.cssHeight, furniture);
  ctx.setTransform(1, 0, 0, 1, 0, 0);
}

function drawFurniture(ctx: Ctx, W: number, H: number, f: Furniture): void {
  const s = furnitureScale(W, H);
  const rtl = f.dir === 'rtl';
  /** Left edge of a box `w` wide whose inline-start edge is `x` from the frame's inline-start side. */
  const boxLeft = (x: number, w: number) => (rtl ? W - x - w : x);
  /** Anchor of start-aligned text at inline offset x. */
  const startX = (x: number) => (rtl ? W - x : x);
  ctx.direction = f.dir;
  ctx.textBaseline = 'alphabetic';
  ctx.lineJoin = 'round';
  const pad = 12 * s;

  // Title band.
  const titleSize = 20 * s;
  const subSize = 13 * s;
  const headerH = pad + titleSize * 1.3 + subSize * 1.45 + pad * 0.6;
  ctx.fillStyle = BAND;
  ctx.fillRect(0, 0, W, headerH);
  ctx.fillStyle = LINE;
  ctx.fillRect(0, headerH - Math.max(1, s), W, Math.max(1, s));
  let dateWidth = 0;
  if (f.dateLabel) {
    const date = fitText(ctx, f.dateLabel, 600, 24 * s, W * 0.4);
    ctx.font = font(600, date.size);
    dateWidth = ctx.measureText(date.text).width;
    ctx.fillStyle = INK;
    ctx.textAlign = 'end';
    ctx.fillText(date.text, rtl ? pad : W - pad, headerH / 2 + date.size * 0.36);
  }
  ctx.textAlign = 'start';
  const textWidth = W - 2 * pad - (dateWidth ? dateWidth + 2 * pad : 0);
  const title = fitText(ctx, f.title, 600, titleSize, textWidth);
  ctx.font = font(600, title.size);
  ctx.fillStyle = INK;
  ctx.fillText(title.text, startX(pad), pad + titleSize);
  const subtitle = fitText(ctx, f.subtitle, 400, subSize, textWidth);
  ctx.font = font(400, subtitle.size);
  ctx.fillStyle = MUTED;
  ctx.fillText(subtitle.text, startX(pad), pad + titleSize * 1.3 + subSize * 1.05);

  // Footer: sources and credit.
  const footSize = 11 * s;
  const lineH = footSize * 1.5;
  const footerH = pad * 0.9 + lineH * 2;
  const footerTop = H - footerH;
  ctx.fillStyle = BAND;
  ctx.fillRect(0, footerTop, W, footerH);
  ctx.fillStyle = LINE;
  ctx.fillRect(0, footerTop, W, Math.max(1, s));
  ctx.font = font(400, footSize);
  ctx.fillStyle = INK;
  const sources = sourcesText(ctx, f.sources, W - 2 * pad);
  if (sources) ctx.fillText(sources, startX(pad), footerTop + pad * 0.45 + footSize * 1.1);
  ctx.fillStyle = MUTED;
  const credit = fitText(ctx, f.credit, 400, footSize, W - 2 * pad, 0.85);
  ctx.font = font(400, credit.size);
  ctx.fillText(credit.text, startX(pad), footerTop + pad * 0.45 + lineH + footSize * 1.1);

  const mapTop = headerH + pad;
  const mapBottom = footerTop - pad;

  // North arrow (only when north is not up).
  const bearing = ((f.camera.bearing % 360) + 360) % 360;
  if (Math.min(bearing, 360 - bearing) > 0.5) drawNorthArrow(ctx, { W, pad, top: mapTop, s, rtl }, bearing, f.northLabel);

  // Scale bar, at the inline-start side.
  const bar = scaleBar(f.camera.latitude, f.camera.zoom, 110 * s);
  if (bar.metres > 0) {
    const label = f.formatDistance(bar.metres);
    ctx.font = font(400, footSize);
    const bp = 6 * s;
    const boxW = Math.max(bar.width, ctx.measureText(label).width) + 2 * bp;
    const boxH = footSize * 1.3 + 9 * s + 2 * bp;
    const left = boxLeft(pad, boxW);
    const top = mapBottom - boxH;
    ctx.fillStyle = 'rgba(255, 255, 255, 0.85)';
    roundRect(ctx, left, top, boxW, boxH, 3 * s);
    ctx.fill();
    const x0 = rtl ? left + boxW - bp - bar.width : left + bp;
    const y = top + bp + footSize * 1.3 + 5 * s;
    ctx.strokeStyle = INK;
    ctx.lineWidth = 2 * s;
    ctx.lineCap = 'butt';
    ctx.beginPath();
    ctx.moveTo(x0, y - 5 * s);
    ctx.lineTo(x0, y);
    ctx.lineTo(x0 + bar.width, y);
    ctx.lineTo(x0 + bar.width, y - 5 * s);
    ctx.stroke();
    ctx.fillStyle = INK;
    ctx.textAlign = 'start';
    ctx.fillText(label, startX(pad + bp), top + bp + footSize);
  }

  drawLegend(ctx, f, { W, s, rtl, pad, top: mapTop, bottom: mapBottom });
}

/** A compass needle at the top inline-end corner of the map area, turned to north, its letter beyond the tip. */
function drawNorthArrow(ctx: Ctx, at: { W: number; pad: number; top: number; s: number; rtl: boolean }, bearing: number, label: string): void {
  const { W, pad, top, s, rtl } = at;
  const r = 16 * s;
  const cx = rtl ? pad + r + 8 * s : W - pad - r - 8 * s;
  const cy = top + r + 14 * s;
  ctx.save();
  ctx.fillStyle = 'rgba(255, 255, 255, 0.92)';
  ctx.strokeStyle = LINE;
  ctx.lineWidth = Math.max(1, s);
  ctx.beginPath();
  ctx.arc(cx, cy, r, 0, Math.PI * 2);
  ctx.fill();
  ctx.stroke();
  ctx.translate(cx, cy);
  // The map's bearing is the compass direction that points up: north is turned the other way.
  ctx.rotate((-bearing * Math.PI) / 180);
  const len = r * 0.78;
  const half = r * 0.28;
  ctx.fillStyle = '#cf222e';
  ctx.beginPath();
  ctx.moveTo(0, -len);
  ctx.lineTo(half, 0);
  ctx.lineTo(-half, 0);
  ctx.closePath();
  ctx.fill();
  ctx.fillStyle = '#8c959f';
  ctx.beginPath();
  ctx.moveTo(0, len);
  ctx.lineTo(half, 0);
  ctx.lineTo(-half, 0);
  ctx.closePath();
  ctx.fill();
  ctx.font = font(600, 11 * s);
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.lineWidth = 3 * s;
  ctx.strokeStyle = 'rgba(255, 255, 255, 0.95)';
  ctx.strokeText(label, 0, -r - 7 * s);
  ctx.fillStyle = INK;
  ctx.fillText(label, 0, -r - 7 * s);
  ctx.restore();
}

function drawLegend(ctx: Ctx, f: Furniture, box: { W: number; s: number; rtl: boolean; pad: number; top: number; bottom: number }): void {
  const { legend } = f;
  const { W, rtl, pad } = box;
  let s = box.s;
  const measure = (scale: number) => {
    const lp = 8 * scale;
    const rowH = 16 * scale;
    const headH = 15 * scale;
    const sw = 26 * scale;
    const gap = 6 * scale;
    ctx.font = font(600, 12 * scale);
    let width = ctx.measureText(legend.title).width;
    ctx.font = font(400, 10.5 * scale);
    if (legend.kinds.length) width = Math.max(width, ctx.measureText(legend.kindsTitle).width);
    if (legend.statuses.length) width = Math.max(width, ctx.measureText(legend.statusesTitle).width);
    ctx.font = font(400, 11 * scale);
    const extras = [legend.impact, legend.uncertainty].filter((l): l is string => l !== null);
    const labels = [...legend.kinds.map((k) => k.label), ...legend.statuses.map((st) => st.label), ...extras];
    for (const label of labels) width = Math.max(width, sw + gap + ctx.measureText(label).width);
    const height =
      lp * 2 +
      16 * scale +
      (legend.kinds.length ? headH + legend.kinds.length * rowH : 0) +
      (legend.statuses.length ? headH + legend.statuses.length * rowH : 0) +
      (extras.length ? extras.length * rowH + 2 * scale : 0);
    return { lp, rowH, headH, sw, gap, width: width + lp * 2, height };
  };
  let m = measure(s);
  const available = box.bottom - box.top;
  if (m.height > available) {
    s = (s * available) / m.height;
    m = measure(s);
  }
  const left = rtl ? pad : W - pad - m.width;
  const top = box.bottom - m.height;
  ctx.fillStyle = '#ffffff';
  ctx.strokeStyle = LINE;
  ctx.lineWidth = Math.max(1, s);
  roundRect(ctx, left, top, m.width, m.height, 4 * s);
  ctx.fill();
  ctx.stroke();

  const innerStart = rtl ? left + m.width - m.lp : left + m.lp;
  const swatch = (w: number) => (rtl ? innerStart - w : innerStart);
  const labelX = rtl ? innerStart - m.sw - m.gap : innerStart + m.sw + m.gap;
  ctx.textAlign = 'start';
  let y = top + m.lp;
  ctx.font = font(600, 12 * s);
  ctx.fillStyle = INK;
  ctx.fillText(legend.title, innerStart, y + 12 * s);
  y += 16 * s;

  const row = (label: string, draw: (x: number, cy: number) => void) => {
    const cy = y + m.rowH / 2;
    draw(swatch(m.sw), cy);
    ctx.globalAlpha = 1;
    ctx.setLineDash([]);
    ctx.font = font(400, 11 * s);
    ctx.fillStyle = INK;
    ctx.fillText(label, labelX, cy + 11 * s * 0.36);
    y += m.rowH;
  };
  const heading = (text: string) => {
    ctx.font = font(400, 10.5 * s);
    ctx.fillStyle = MUTED;
    ctx.fillText(text, innerStart, y + 11 * s);
    y += m.headH;
  };

  if (legend.kinds.length) {
    heading(legend.kindsTitle);
    for (const kind of legend.kinds)
      row(kind.label, (x, cy) => {
        ctx.strokeStyle = rgb(kind.color);
        ctx.lineWidth = 4 * s;
        ctx.lineCap = 'round';
        ctx.beginPath();
        ctx.moveTo(x + 3 * s, cy);
        ctx.lineTo(x + m.sw - 3 * s, cy);
        ctx.stroke();
      });
  }
  if (legend.statuses.length) {
    heading(legend.statusesTitle);
    for (const status of legend.statuses)
      row(status.label, (x, cy) => {
        const { alpha, dash, width } = status.style;
        ctx.strokeStyle = rgb(legend.statusColor);
        ctx.globalAlpha = alpha / 255;
        ctx.lineWidth = width * s;
        ctx.lineCap = 'butt';
        ctx.setLineDash(screenDash({ dash, width }, s));
        ctx.beginPath();
        ctx.moveTo(x + 2 * s, cy);
        ctx.lineTo(x + m.sw - 2 * s, cy);
        ctx.stroke();
      });
  }
  if (legend.impact || legend.uncertainty) y += 2 * s;
  if (legend.impact) {
    row(legend.impact, (x, cy) => {
      ctx.fillStyle = rgb(legend.statusColor);
      ctx.strokeStyle = rgb(legend.statusColor);
      ctx.lineWidth = 2 * s;
      ctx.beginPath();
      ctx.arc(x + m.sw / 2, cy, 4.5 * s, 0, Math.PI * 2);
      ctx.fill();
      ctx.stroke();
    });
  }
  if (legend.uncertainty) {
    row(legend.uncertainty, (x, cy) => {
      // As place-layers.ts draws them: a faint purple disc with a dashed edge for estimates.
      ctx.fillStyle = 'rgba(107, 91, 149, 0.12)';
      ctx.strokeStyle = 'rgba(107, 91, 149, 0.8)';
      ctx.lineWidth = Math.max(1, 1.2 * s);
      ctx.setLineDash([3 * s, 2 * s]);
      ctx.beginPath();
      ctx.arc(x + m.sw / 2, cy, 6.5 * s, 0, Math.PI * 2);
      ctx.fill();
      ctx.stroke();
    });
  }
}
