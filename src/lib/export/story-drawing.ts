/**
 * The story burned into a video frame: caption cards for the incidents of the moment (the
 * newest with its quote and outlet, older ones as a heading and title) and the running
 * tally under the title band; and the end card listing the sources. Canvas 2D, in CSS
 * pixels scaled by `s` (furnitureScale); right to left for Arabic.
 */
import type { CaptionText } from '../story/caption-text';
import type { Rgb } from '../map/incident-style';
import { BAND, font, INK, LINE, MUTED, rgb, roundRect, type Ctx, type StoryFurniture } from './snapshot-drawing';

/** Lines of `text` that fit `maxWidth` at the context's font, at most `maxLines` (the last cut with an ellipsis). */
export function wrapText(ctx: Ctx, text: string, maxWidth: number, maxLines: number): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (let i = 0; i < words.length; i++) {
    const next = line ? `${line} ${words[i]}` : words[i]!;
    if (ctx.measureText(next).width <= maxWidth || !line) {
      line = next;
      continue;
    }
    lines.push(line);
    line = words[i]!;
    if (lines.length === maxLines) {
      line = '';
      const last = lines[maxLines - 1]!;
      let cut = last;
      while (cut.length > 1 && ctx.measureText(`${cut}…`).width > maxWidth) cut = cut.slice(0, -1);
      lines[maxLines - 1] = `${cut.trimEnd()}…`;
      return lines;
    }
  }
  if (line) lines.push(line);
  return lines;
}

interface Area {
  W: number;
  s: number;
  rtl: boolean;
  pad: number;
  /** Top of the map area (below the title band) and its bottom (above the footer). */
  top: number;
  bottom: number;
  /** Width of the caption column; the captions sit at the inline-start side, above `bottom`. */
  width: number;
}

/** Draws the tally under the title band and the captions upwards from the bottom of the map area. */
export function drawStory(ctx: Ctx, story: StoryFurniture, area: Area): void {
  const { W, s, rtl, pad, top, bottom, width } = area;
  const left = rtl ? W - pad - width : pad;
  const startX = rtl ? left + width : left;
  ctx.direction = rtl ? 'rtl' : 'ltr';
  ctx.textAlign = 'start';
  ctx.textBaseline = 'alphabetic';

  if (story.tally) {
    const size = 14 * s;
    ctx.font = font(600, size);
    const lines = wrapText(ctx, story.tally, W - 2 * pad - 8 * s, 2);
    const h = lines.length * size * 1.35 + 10 * s;
    const w = Math.max(...lines.map((l) => ctx.measureText(l).width)) + 16 * s;
    ctx.fillStyle = 'rgba(255, 255, 255, 0.88)';
    roundRect(ctx, rtl ? W - pad - w : pad, top, w, h, 4 * s);
    ctx.fill();
    ctx.fillStyle = INK;
    lines.forEach((l, i) => ctx.fillText(l, rtl ? W - pad - 8 * s : pad + 8 * s, top + 5 * s + size * (1.05 + i * 1.35)));
  }

  let y = bottom;
  if (story.more) {
    const size = 12 * s;
    ctx.font = font(400, size);
    ctx.fillStyle = INK;
    ctx.fillText(story.more, startX, y - 4 * s);
    y -= size * 1.6;
  }
  // The newest caption is drawn lowest, nearest the eye's path along the bottom; older ones above it.
  for (let i = 0; i < story.captions.length; i++) {
    const card = layoutCard(ctx, story.captions[i]!, width, s, i === 0);
    y -= card.height;
    if (y < top + 40 * s) break;
    drawCard(ctx, card, left, y, width, s, rtl);
    y -= 6 * s;
  }
}

interface CardLine {
  text: string;
  weight: 400 | 600;
  size: number;
  color: string;
  dir: 'ltr' | 'rtl';
}

function layoutCard(ctx: Ctx, caption: CaptionText & { color: Rgb }, width: number, s: number, full: boolean) {
  const inner = width - 22 * s;
  const lines: CardLine[] = [];
  const add = (text: string, weight: 400 | 600, size: number, color: string, dir: 'ltr' | 'rtl', maxLines: number) => {
    ctx.font = font(weight, size);
    ctx.direction = dir;
    for (const l of wrapText(ctx, text, inner, maxLines)) lines.push({ text: l, weight, size, color, dir });
  };
  const uiDir = ctx.direction === 'rtl' ? 'rtl' : 'ltr';
  add(caption.heading, 400, 12 * s, MUTED, uiDir, 1);
  add(caption.title, 600, (full ? 15 : 13) * s, INK, uiDir, full ? 2 : 1);
  if (full) {
    for (const line of caption.lines) add(line.text, 400, 13 * s, INK, line.lang === 'ar' ? 'rtl' : 'ltr', 3);
    add(caption.source, 400, 12 * s, MUTED, uiDir, 1);
  }
  ctx.direction = uiDir;
  const height = lines.reduce((h, l) => h + l.size * 1.38, 0) + 14 * s;
  return { lines, height, color: caption.color, full };
}

function drawCard(ctx: Ctx, card: ReturnType<typeof layoutCard>, left: number, top: number, width: number, s: number, rtl: boolean): void {
  ctx.save();
  ctx.globalAlpha = card.full ? 1 : 0.85;
  ctx.fillStyle = 'rgba(255, 255, 255, 0.95)';
  ctx.strokeStyle = LINE;
  ctx.lineWidth = Math.max(1, s);
  roundRect(ctx, left, top, width, card.height, 6 * s);
  ctx.fill();
  ctx.stroke();
  ctx.fillStyle = rgb(card.color);
  ctx.fillRect(rtl ? left + width - 5 * s : left, top + 1, 5 * s, card.height - 2);
  let y = top + 7 * s;
  for (const line of card.lines) {
    y += line.size * 1.05;
    ctx.font = font(line.weight, line.size);
    ctx.fillStyle = line.color;
    ctx.direction = line.dir;
    ctx.textAlign = 'start';
    const x = line.dir === 'rtl' ? left + width - 12 * s : left + 12 * s;
    ctx.fillText(line.text, x, y);
    y += line.size * 0.33;
  }
  ctx.restore();
  ctx.direction = rtl ? 'rtl' : 'ltr';
}

export interface EndCard {
  dir: 'ltr' | 'rtl';
  title: string;
  subtitle: string;
  sourcesTitle: string;
  /** One line per outlet, the most cited first. */
  sources: string[];
  credit: string;
}

/** The closing frame: title, range and every source of the video, on the page's band colour. */
export function drawEndCard(ctx: Ctx, card: EndCard, W: number, H: number, s: number): void {
  const rtl = card.dir === 'rtl';
  const pad = 40 * s;
  const x = rtl ? W - pad : pad;
  ctx.fillStyle = '#f6f8fa';
  ctx.fillRect(0, 0, W, H);
  ctx.fillStyle = BAND;
  ctx.direction = card.dir;
  ctx.textAlign = 'start';
  ctx.textBaseline = 'alphabetic';
  let y = pad;
  const write = (text: string, weight: 400 | 600, size: number, color: string, maxLines: number) => {
    ctx.font = font(weight, size);
    ctx.fillStyle = color;
    for (const line of wrapText(ctx, text, W - 2 * pad, maxLines)) {
      y += size * 1.3;
      if (y > H - pad) return;
      ctx.fillText(line, x, y);
    }
  };
  write(card.title, 600, 26 * s, INK, 3);
  write(card.subtitle, 400, 17 * s, MUTED, 1);
  y += 18 * s;
  write(card.sourcesTitle, 600, 18 * s, INK, 1);
  y += 4 * s;
  for (const source of card.sources) write(source, 400, 15 * s, INK, 2);
  y = Math.max(y, H - pad - 14 * s * 1.3 * 2);
  write(card.credit, 400, 13 * s, MUTED, 2);
}
