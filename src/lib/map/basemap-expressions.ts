/** MapLibre expressions the basemap style builds its labels with: two-script labels, anchors beside a dot, zoom stops. */
import type { ExpressionSpecification } from 'maplibre-gl';

export type Expr = ExpressionSpecification;

/**
 * A two-line label: the chosen language's name first, the other's second (smaller, lighter).
 * Falls back to whichever name exists when one is missing or empty.
 */
export function bilingual(lang: 'en' | 'ar', opts: { upcaseEn?: boolean; secondaryColor?: string; secondaryScale?: number } = {}): Expr {
  const en: Expr = opts.upcaseEn ? ['upcase', ['coalesce', ['get', 'name_en'], '']] : ['coalesce', ['get', 'name_en'], ''];
  const ar: Expr = ['coalesce', ['get', 'name_ar'], ''];
  const [first, second] = lang === 'ar' ? [ar, en] : [en, ar];
  const secondStyle: Record<string, unknown> = { 'font-scale': opts.secondaryScale ?? 0.9 };
  if (opts.secondaryColor) secondStyle['text-color'] = opts.secondaryColor;
  return [
    'case',
    ['all', ['!=', first, ''], ['!=', second, '']],
    ['format', first, {}, '\n', {}, second, secondStyle] as unknown as Expr,
    ['!=', first, ''],
    ['format', first, {}],
    ['format', second, {}],
  ];
}

/** Anchors for a label beside a dot: Arabic-first labels prefer the dot's right-hand side free,
 * i.e. the text to the left of the dot, as an Arabic reader scans. */
export function dotAnchors(lang: 'en' | 'ar'): ('left' | 'right' | 'top' | 'bottom')[] {
  return lang === 'ar' ? ['right', 'left', 'top', 'bottom'] : ['left', 'right', 'top', 'bottom'];
}

export const zoomLinear = (...stops: number[]): Expr => ['interpolate', ['linear'], ['zoom'], ...stops] as Expr;
