// Font files for the basemap's labels, bundled by Vite as assets (`?url`), so the map asks no
// other origin for glyphs. MapLibre 6 draws labels with these files through the style's
// `font-faces` (fontFaces below, used by basemap-style.ts), shaping Arabic and laying it out right to left.
// Noto Sans and Noto Sans Arabic: SIL Open Font License 1.1, from @fontsource.
import latin400 from '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2?url';
import latinExt400 from '@fontsource/noto-sans/files/noto-sans-latin-ext-400-normal.woff2?url';
import latin600 from '@fontsource/noto-sans/files/noto-sans-latin-600-normal.woff2?url';
import latinExt600 from '@fontsource/noto-sans/files/noto-sans-latin-ext-600-normal.woff2?url';
import arabic400 from '@fontsource/noto-sans-arabic/files/noto-sans-arabic-arabic-400-normal.woff2?url';
import arabic600 from '@fontsource/noto-sans-arabic/files/noto-sans-arabic-arabic-600-normal.woff2?url';
import type { FontFacesSpecification } from 'maplibre-gl';

/** URLs as Vite gives them: absolute, or relative to the document in dev. */
export const BASEMAP_FONT_URLS = {
  latin400,
  latinExt400,
  latin600,
  latinExt600,
  arabic400,
  arabic600,
} as const;

export const FONT_REGULAR = 'Noto Sans Regular';
export const FONT_BOLD = 'Noto Sans SemiBold';

// Unicode ranges of the @fontsource subsets (from their CSS).
const RANGE_ARABIC = ['U+0600-06FF', 'U+0750-077F', 'U+0870-088E', 'U+0890-0891', 'U+0897-08E1', 'U+08E3-08FF', 'U+200C-200E', 'U+FB50-FDFF', 'U+FE70-FE74', 'U+FE76-FEFC'];
const RANGE_LATIN = ['U+0000-00FF', 'U+0131', 'U+0152-0153', 'U+02BB-02BC', 'U+02C6', 'U+02DA', 'U+02DC', 'U+0304', 'U+0308', 'U+0329', 'U+2000-206F', 'U+20AC', 'U+2122', 'U+2191', 'U+2193', 'U+2212', 'U+2215', 'U+FEFF', 'U+FFFD'];
const RANGE_LATIN_EXT = ['U+0100-02BA', 'U+02BD-02C5', 'U+02C7-02CC', 'U+02CE-02D7', 'U+02DD-02FF', 'U+1D00-1DBF', 'U+1E00-1E9F', 'U+1EF2-1EFF', 'U+2020', 'U+20A0-20AB', 'U+20AD-20C0', 'U+2113', 'U+2C60-2C7F', 'U+A720-A7FF'];

export function fontFaces(baseUrl: string): FontFacesSpecification {
  const abs = (u: string) => new URL(u, baseUrl).href;
  const f = BASEMAP_FONT_URLS;
  // Arabic first, so that the joiners it shares with the Latin subset come from the Arabic font.
  return {
    [FONT_REGULAR]: [
      { url: abs(f.arabic400), 'unicode-range': RANGE_ARABIC },
      { url: abs(f.latin400), 'unicode-range': RANGE_LATIN },
      { url: abs(f.latinExt400), 'unicode-range': RANGE_LATIN_EXT },
    ],
    [FONT_BOLD]: [
      { url: abs(f.arabic600), 'unicode-range': RANGE_ARABIC },
      { url: abs(f.latin600), 'unicode-range': RANGE_LATIN },
      { url: abs(f.latinExt600), 'unicode-range': RANGE_LATIN_EXT },
    ],
  };
}
