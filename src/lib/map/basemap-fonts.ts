// Font files for the basemap's labels, bundled by Vite as assets (`?url`), so the map asks no
// other origin for glyphs. MapLibre 6 draws labels with these files through the style's
// `font-faces` (see basemap-style.ts), shaping Arabic and laying it out right to left.
// Noto Sans and Noto Sans Arabic: SIL Open Font License 1.1, from @fontsource.
import latin400 from '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2?url';
import latinExt400 from '@fontsource/noto-sans/files/noto-sans-latin-ext-400-normal.woff2?url';
import latin600 from '@fontsource/noto-sans/files/noto-sans-latin-600-normal.woff2?url';
import latinExt600 from '@fontsource/noto-sans/files/noto-sans-latin-ext-600-normal.woff2?url';
import arabic400 from '@fontsource/noto-sans-arabic/files/noto-sans-arabic-arabic-400-normal.woff2?url';
import arabic600 from '@fontsource/noto-sans-arabic/files/noto-sans-arabic-arabic-600-normal.woff2?url';

/** URLs as Vite gives them: absolute, or relative to the document in dev. */
export const BASEMAP_FONT_URLS = {
  latin400,
  latinExt400,
  latin600,
  latinExt600,
  arabic400,
  arabic600,
} as const;
