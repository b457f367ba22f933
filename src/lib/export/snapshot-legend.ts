/** The legend box of an export: kinds, statuses, impacts and uncertainty, as the map draws them. */
import { screenDash } from '../map/incident-glyphs';
import { font, INK, LINE, MUTED, rgb, roundRect, type Ctx, type Furniture } from './snapshot-drawing';

/** Draws the legend at the bottom inline-end corner of the map area; returns where it is. */
export function drawLegend(ctx: Ctx, f: Furniture, box: { W: number; s: number; rtl: boolean; pad: number; top: number; bottom: number }): { left: number; top: number; width: number; height: number } {
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
  return { left, top, width: m.width, height: m.height };
}
