/**
 * Matching place names of an imported file against the gazetteer (the places in the
 * database: data/places.json and earlier imports). A name matches a place when, after
 * normalisation, it equals the place's English or Arabic name or one of its altNames,
 * with or without the article (al-/el-/ال). Normalisation: lower case, Latin accents
 * and Arabic diacritics removed, the alef forms (أ إ آ ٱ) made ا, ى made ي, ة made ه,
 * tatweel, apostrophes and ʿayn/hamza signs dropped, hyphens and underscores made spaces.
 */

export interface GazetteerPlace {
  id: string;
  name: { en: string; ar: string };
  altNames: string[];
  lon: number;
  lat: number;
}

export function normalizePlaceName(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '') // Latin combining accents
    .replace(/[\u064b-\u065f\u0670\u0640]/g, '') // Arabic harakat, dagger alef, tatweel
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/ى/g, 'ي')
    .replace(/ة/g, 'ه')
    .toLowerCase()
    .replace(/['’‘`ʿʾ]/g, '')
    .replace(/[-_.,;:()]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The name without its articles: "al mayadin" -> "mayadin", "الميادين" -> "ميادين". */
const LATIN_ARTICLES = new Set(['al', 'el', 'ar', 'as', 'ash', 'ad', 'at', 'az', 'an']);
function withoutArticle(normalized: string): string {
  const words = normalized.split(' ');
  return words
    .filter((w, i) => !(LATIN_ARTICLES.has(w) && i < words.length - 1))
    .map((w) => (w.length > 4 && w.startsWith('ال') ? w.slice(2) : w))
    .join(' ');
}

export interface Gazetteer {
  /** The place a name stands for, or undefined. */
  match(name: string): GazetteerPlace | undefined;
  size: number;
}

export function createGazetteer(places: readonly GazetteerPlace[]): Gazetteer {
  const exact = new Map<string, GazetteerPlace>();
  const loose = new Map<string, GazetteerPlace>();
  // Display names first, so they win over another place's alternative spelling.
  const add = (name: string, place: GazetteerPlace) => {
    const key = normalizePlaceName(name);
    if (!key) return;
    if (!exact.has(key)) exact.set(key, place);
    const bare = withoutArticle(key);
    if (bare && !loose.has(bare)) loose.set(bare, place);
  };
  for (const p of places) {
    add(p.name.en, p);
    add(p.name.ar, p);
    add(p.id, p);
  }
  for (const p of places) for (const alt of p.altNames) add(alt, p);
  return {
    size: places.length,
    match(name) {
      const key = normalizePlaceName(name);
      if (!key) return undefined;
      return exact.get(key) ?? loose.get(withoutArticle(key));
    },
  };
}
