/**
 * Two-script labels on a 2D canvas: the first line in the interface's language, the other
 * language smaller and lighter below it, with a light halo; a label that would overlap one
 * drawn before it is left out (the earlier ones matter more), as MapLibre's collisions do.
 */
export type LabelBoxes = { x: number; y: number; w: number; h: number }[];

export interface LabelStyle {
  size: number;
  color: string;
  bold?: boolean;
  /** 'center': on the point; 'right-of-dot': beside a dot, on the reading side. */
  anchor: 'center' | 'right-of-dot';
}

const FONT = '"Noto Sans", "Noto Sans Arabic", sans-serif';
const overlaps = (a: LabelBoxes[number], b: LabelBoxes[number]) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
const isArabic = (text: string) => /[\u0600-\u06ff]/.test(text);

/** Draws a label at a screen point unless it collides; returns whether it was drawn. */
export function drawLabel(ctx: CanvasRenderingContext2D, boxes: LabelBoxes, [x, y]: [number, number], [first, second]: [string, string], style: LabelStyle): boolean {
  const lines = [first, second === first ? '' : second].filter((l) => l.trim() !== '');
  if (lines.length === 0) return false;
  const sizes = [style.size, style.size * 0.9];
  const widths = lines.map((line, i) => {
    ctx.font = `${i === 0 && style.bold ? 600 : 400} ${sizes[i]}px ${FONT}`;
    return ctx.measureText(line).width;
  });
  const w = Math.max(...widths);
  const h = lines.length * style.size * 1.2;
  // Beside a dot: to its right for a Latin first line, to its left for an Arabic one.
  // Beside the dot on the other side when the reading side would leave the canvas.
  const canvasWidth = ctx.canvas.width / (ctx.getTransform().a || 1);
  let rtl = isArabic(lines[0]!);
  if (style.anchor === 'right-of-dot' && (rtl ? x - 7 - w < 0 : x + 7 + w > canvasWidth)) rtl = !rtl;
  const left = style.anchor === 'center' ? x - w / 2 : rtl ? x - 7 - w : x + 7;
  const top = y - h / 2;
  const box = { x: left - 2, y: top - 1, w: w + 4, h: h + 2 };
  if (boxes.some((b) => overlaps(b, box))) return false;
  boxes.push(box);
  lines.forEach((line, i) => {
    ctx.font = `${i === 0 && style.bold ? 600 : 400} ${sizes[i]}px ${FONT}`;
    ctx.direction = isArabic(line) ? 'rtl' : 'ltr';
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    const cx = left + w / 2;
    const cy = top + style.size * 1.2 * (i + 0.5);
    ctx.lineWidth = 3;
    ctx.strokeStyle = 'rgba(251, 250, 247, 0.9)';
    ctx.strokeText(line, cx, cy);
    ctx.fillStyle = i === 0 ? style.color : '#6f6a63';
    ctx.fillText(line, cx, cy);
  });
  ctx.direction = 'ltr';
  return true;
}
