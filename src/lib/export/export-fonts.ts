/**
 * Fonts for text drawn in canvas 2D (titles, legend, dates): the Noto Sans and Noto Sans
 * Arabic files the basemap already bundles, registered under a family of their own and
 * loaded before drawing (a canvas never waits for a font: it would draw a fallback).
 * Canvas 2D shapes Arabic and orders it right to left itself.
 */
import { BASEMAP_FONT_URLS } from '../map/basemap-fonts';

export const EXPORT_FONT_FAMILY = 'Strikes Export Sans';
/** The family then fallbacks, for `ctx.font`. */
export const EXPORT_FONT_STACK = `"${EXPORT_FONT_FAMILY}", "Noto Sans", "Noto Sans Arabic", sans-serif`;

// Unicode ranges of the @fontsource subsets (as in basemap-style.ts).
const RANGE_ARABIC = 'U+0600-06FF, U+0750-077F, U+0870-088E, U+0890-0891, U+0897-08E1, U+08E3-08FF, U+200C-200E, U+FB50-FDFF, U+FE70-FE74, U+FE76-FEFC';
const RANGE_LATIN =
  'U+0000-00FF, U+0131, U+0152-0153, U+02BB-02BC, U+02C6, U+02DA, U+02DC, U+0304, U+0308, U+0329, U+2000-206F, U+20AC, U+2122, U+2191, U+2193, U+2212, U+2215, U+FEFF, U+FFFD';
const RANGE_LATIN_EXT =
  'U+0100-02BA, U+02BD-02C5, U+02C7-02CC, U+02CE-02D7, U+02DD-02FF, U+1D00-1DBF, U+1E00-1E9F, U+1EF2-1EFF, U+2020, U+20A0-20AB, U+20AD-20C0, U+2113, U+2C60-2C7F, U+A720-A7FF';

let loading: Promise<void> | null = null;

/** Registers and loads the export fonts once; later calls return the same promise. */
export function ensureExportFonts(): Promise<void> {
  loading ??= (async () => {
    const f = BASEMAP_FONT_URLS;
    const abs = (u: string) => new URL(u, document.baseURI).href;
    const faces = [
      [f.arabic400, '400', RANGE_ARABIC],
      [f.latin400, '400', RANGE_LATIN],
      [f.latinExt400, '400', RANGE_LATIN_EXT],
      [f.arabic600, '600', RANGE_ARABIC],
      [f.latin600, '600', RANGE_LATIN],
      [f.latinExt600, '600', RANGE_LATIN_EXT],
    ].map(([url, weight, unicodeRange]) => new FontFace(EXPORT_FONT_FAMILY, `url(${JSON.stringify(abs(url!))})`, { weight: weight!, unicodeRange: unicodeRange! }));
    const loaded = await Promise.allSettled(faces.map((face) => face.load()));
    for (const [i, result] of loaded.entries()) if (result.status === 'fulfilled') document.fonts.add(faces[i]!);
    await document.fonts.ready;
  })();
  return loading;
}
