/** The offline basemap's files (public/basemap/, from scripts/build-basemap.mjs), their extent and its palette. */

/** Colours of the basemap (hex). `land` is the neighbouring countries, `focusLand` Syria and Iraq
 * (their governorates); lakes are drawn in the `sea` colour. */
export const BASEMAP_COLORS = {
  sea: '#d5dee4',
  land: '#e6e3dd',
  focusLand: '#f4f2ee',
  coast: '#aebdc7',
  countryBorder: '#8e8a84',
  countryBorderCasing: '#fbfaf7',
  governorateBorder: '#b5afa6',
  river: '#86a5bd',
  text: '#3b3834',
  textSecondary: '#6f6a63',
  governorateText: '#8d877e',
  waterText: '#5b7e98',
  halo: '#fbfaf7',
  cityDot: '#5a5650',
  base: '#1c1c1c',
  place: '#4a4742',
} as const;

/** Basemap GeoJSON files, relative to the app's folder. */
export const BASEMAP_FILES = {
  countries: 'basemap/countries.json',
  borders: 'basemap/borders.json',
  governorates: 'basemap/governorates.json',
  governorateLines: 'basemap/governorate-lines.json',
  rivers: 'basemap/rivers.json',
  lakes: 'basemap/lakes.json',
  labels: 'basemap/labels.json',
  places: 'basemap/places.json',
  /** Coarse land around (and outside) the cut, for zoomed-out views. */
  world: 'basemap/world.json',
} as const;

/** Extent of the detailed basemap cut [west, south, east, north]. Outside it only coarse land
 * (Natural Earth 1:110m, no borders or labels) is drawn; a fit for `maxBounds`. */
export const BASEMAP_BOUNDS: [number, number, number, number] = [22, 24, 58, 44];
