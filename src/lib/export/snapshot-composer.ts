/**
 * Composes an export image in canvas 2D: the basemap image, the incident layers on top,
 * then what makes a map citable: a title band (title, date range, the playhead's date),
 * a legend, a scale bar, a north arrow when the map is rotated, and a footer naming the
 * sources and the basemap's attribution. Everything is laid out in CSS pixels and drawn
 * at the render's pixel ratio, so a 4× image is sharp, not enlarged. Right to left for
 * Arabic (canvas 2D shapes Arabic itself).
 */
import { BAND, fitText, font, furnitureScale, INK, LINE, MUTED, roundRect, type Ctx, type Furniture } from './snapshot-drawing';
import { drawLegend } from './snapshot-legend';
import { drawEndCard, drawStory, type EndCard } from './story-drawing';
import { pixelSize, scaleBar, type RenderSize } from './export-geometry';


/**
 * Draws the export image into `canvas` (resized to the render's pixel size): the basemap,
 * the incidents, then the furniture.
 */
export function composeSnapshot(
  canvas: HTMLCanvasElement | OffscreenCanvas,
  size: RenderSize,
  images: { basemap: CanvasImageSource; incidents: CanvasImageSource | null; basemapCrop?: readonly [number, number, number, number] },
  furniture: Furniture,
): void {
  const { width: pw, height: ph } = pixelSize(size);
  if (canvas.width !== pw) canvas.width = pw;
  if (canvas.height !== ph) canvas.height = ph;
  const ctx = canvas.getContext('2d') as Ctx | null;
  if (!ctx) throw new Error('No 2D canvas for the export.');
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, pw, ph);
  if (images.basemapCrop) ctx.drawImage(images.basemap, ...images.basemapCrop, 0, 0, pw, ph);
  else ctx.drawImage(images.basemap, 0, 0, pw, ph);
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
  let scaleTop = mapBottom;
  const bar = scaleBar(f.camera.latitude, f.camera.zoom, 110 * s);
  if (bar.metres > 0) {
    const label = f.formatDistance(bar.metres);
    ctx.font = font(400, footSize);
    const bp = 6 * s;
    const boxW = Math.max(bar.width, ctx.measureText(label).width) + 2 * bp;
    const boxH = footSize * 1.3 + 9 * s + 2 * bp;
    const left = boxLeft(pad, boxW);
    const top = mapBottom - boxH;
    scaleTop = top;
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

  const legend = drawLegend(ctx, f, { W, s, rtl, pad, top: mapTop, bottom: mapBottom });

  if (f.story) {
    // Beside the legend in a wide frame; across the frame, above the legend, in a tall or square one.
    const narrow = H >= W * 0.9;
    const width = narrow ? W - 2 * pad : Math.min(460 * s, W * 0.45);
    const bottom = (narrow ? Math.min(scaleTop, legend.top) : scaleTop) - pad * 0.5;
    drawStory(ctx, f.story, { W, s, rtl, pad, top: mapTop, bottom, width });
  }
}

/** Draws a video's closing card into `canvas` at the render's size. */
export function composeEndCard(canvas: HTMLCanvasElement | OffscreenCanvas, size: RenderSize, card: EndCard): void {
  const { width: pw, height: ph } = pixelSize(size);
  if (canvas.width !== pw) canvas.width = pw;
  if (canvas.height !== ph) canvas.height = ph;
  const ctx = canvas.getContext('2d') as Ctx | null;
  if (!ctx) throw new Error('No 2D canvas for the export.');
  ctx.setTransform(pw / size.cssWidth, 0, 0, ph / size.cssHeight, 0, 0);
  drawEndCard(ctx, card, size.cssWidth, size.cssHeight, furnitureScale(size.cssWidth, size.cssHeight));
  ctx.setTransform(1, 0, 0, 1, 0, 0);
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
