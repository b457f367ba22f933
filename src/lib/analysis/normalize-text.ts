/**
 * Text folded for search, so an analyst finds "الميادين" by typing "الميادين" or
 * "الميادين" with vowel marks, and "Mayadin" by "mayādīn". Arabic: diacritics and tatweel
 * dropped; alef forms, ya / alef maqsura, ta marbuta / ha, hamza carriers made alike.
 * Latin: lower case, accents dropped, apostrophes and hyphens as spaces.
 */

// Harakat, tanwin, shadda, sukun, superscript alef, Quranic marks, and tatweel.
const ARABIC_MARKS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06DC\u06DF-\u06E8\u06EA-\u06ED\u0640]/g;

const FOLDS: [RegExp, string][] = [
  [/[أإآٱ]/g, 'ا'],
  [/ى/g, 'ي'],
  [/ة/g, 'ه'],
  [/ؤ/g, 'و'],
  [/ئ/g, 'ي'],
  // Persian letters that Arabic keyboards and texts written in Iran use for kaf and ya.
  [/ک/g, 'ك'],
  [/[یێ]/g, 'ي'],
];

export function normalizeText(text: string): string {
  let s = text.normalize('NFKD').replace(ARABIC_MARKS, '');
  for (const [pattern, replacement] of FOLDS) s = s.replace(pattern, replacement);
  // Arabic-Indic and Persian digits as ASCII digits.
  s = s.replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x0660)).replace(/[۰-۹]/g, (d) => String(d.charCodeAt(0) - 0x06f0));
  s = s
    .replace(/[\u0300-\u036f]/g, '') // Latin combining accents (after NFKD)
    .toLowerCase()
    .replace(/[''`ʿʾ‘’\-_]/g, ' ')
    .replace(/[.,;:!?()[\]{}"“”«»،؛؟]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return s;
}

/** True when every word of the query occurs in the (normalised) haystack. */
export function matchesQuery(normalizedHaystack: string, query: string): boolean {
  const words = normalizeText(query).split(' ').filter(Boolean);
  return words.every((w) => normalizedHaystack.includes(w));
}
