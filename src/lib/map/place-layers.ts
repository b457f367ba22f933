/**
 * The app's own MapLibre sources and layers on top of a basemap: places (dot + two-language
 * label, styled by the basemap) and their location uncertainty: a light ring round each
 * place the selection involves, a shaded circle round the place hovered or selected.
 */
import type { FeatureCollection } from 'geojson';
import type { LayerSpecification, Map as MaplibreMap, SourceSpecification, StyleSpecification } from 'maplibre-gl';
import { INCIDENT_PLACES_SOURCE } from './basemap-style';

export const UNCERTAINTY_SOURCE = 'place-uncertainty';
/** The hovered or selected place's circle. */
export const FOCUS_UNCERTAINTY_SOURCE = 'place-uncertainty-focus';
export const UNCERTAINTY_COLOR = '#6b5b95';
export const RANGE_SOURCE = 'range-rings';
export const RANGE_COLOR = '#0f766e';

const rangeLineLayer: LayerSpecification = {
  id: 'range-rings-line',
  type: 'line',
  source: RANGE_SOURCE,
  paint: { 'line-color': RANGE_COLOR, 'line-width': 2.5, 'line-dasharray': [4, 2] },
};

/** Ring labels need the bundled fonts: only on the bundled style. */
const rangeLabelLayer: LayerSpecification = {
  id: 'range-rings-label',
  type: 'symbol',
  source: RANGE_SOURCE,
  layout: {
    'symbol-placement': 'line',
    'text-field': ['get', 'label'],
    'text-font': ['Noto Sans Regular'],
    'text-size': 12,
    'symbol-spacing': 400,
  },
  paint: { 'text-color': RANGE_COLOR, 'text-halo-color': '#ffffff', 'text-halo-width': 1.5 },
};
/** Below this zoom the selection's rings are left out (they would crowd the whole country). */
export const UNCERTAINTY_MIN_ZOOM = 6;

// Estimated places get a dashed edge: the circle is a guess, not a measurement.
const estimatedDash = ['case', ['get', 'estimated'], ['literal', [3, 2]], ['literal', [1, 0]]] as unknown as number[];

const uncertaintyLayers: LayerSpecification[] = [
  {
    id: 'place-uncertainty-line',
    type: 'line',
    source: UNCERTAINTY_SOURCE,
    minzoom: UNCERTAINTY_MIN_ZOOM,
    paint: { 'line-color': UNCERTAINTY_COLOR, 'line-opacity': 0.35, 'line-width': 1, 'line-dasharray': estimatedDash },
  },
  {
    id: 'place-uncertainty-fill',
    type: 'fill',
    source: FOCUS_UNCERTAINTY_SOURCE,
    paint: { 'fill-color': UNCERTAINTY_COLOR, 'fill-opacity': 0.1 },
  },
  {
    id: 'place-uncertainty-focus-line',
    type: 'line',
    source: FOCUS_UNCERTAINTY_SOURCE,
    paint: { 'line-color': UNCERTAINTY_COLOR, 'line-opacity': 0.75, 'line-width': 1.5, 'line-dasharray': estimatedDash },
  },
];

/** A dot layer for places, for styles that are not the bundled basemap. */
const fallbackPlaceLayer: LayerSpecification = {
  id: 'incident-places-dot',
  type: 'circle',
  source: INCIDENT_PLACES_SOURCE,
  paint: { 'circle-radius': 4, 'circle-color': '#1c1c1c', 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 1.5 },
};

/** The bundled style with the places and uncertainty circles written into it. */
/** What the app adds to a style: its places, the uncertainty rings and circle, and weapon range rings. */
export interface PlaceSources {
  places: FeatureCollection;
  circles: FeatureCollection;
  focusCircles: FeatureCollection;
  rings: FeatureCollection;
}

export function styleWithPlaces(style: StyleSpecification, data: PlaceSources): StyleSpecification {
  const sources: Record<string, SourceSpecification> = {
    ...style.sources,
    [INCIDENT_PLACES_SOURCE]: { type: 'geojson', data: data.places },
    [UNCERTAINTY_SOURCE]: { type: 'geojson', data: data.circles },
    [FOCUS_UNCERTAINTY_SOURCE]: { type: 'geojson', data: data.focusCircles },
    [RANGE_SOURCE]: { type: 'geojson', data: data.rings },
  };
  const firstPlaceLayer = style.layers.findIndex((l) => 'source' in l && l.source === INCIDENT_PLACES_SOURCE);
  const at = firstPlaceLayer === -1 ? style.layers.length : firstPlaceLayer;
  const layers = [...style.layers.slice(0, at), ...uncertaintyLayers, rangeLineLayer, rangeLabelLayer, ...style.layers.slice(at)];
  return { ...style, sources, layers };
}

/** Adds (or refreshes) the places on a map drawing someone else's style. */
export function addPlacesToForeignStyle(map: MaplibreMap, data: PlaceSources): void {
  const put = (id: string, data: FeatureCollection) => {
    const source = map.getSource(id);
    if (source && 'setData' in source) (source as unknown as { setData(d: FeatureCollection): void }).setData(data);
    else map.addSource(id, { type: 'geojson', data });
  };
  put(INCIDENT_PLACES_SOURCE, data.places);
  put(UNCERTAINTY_SOURCE, data.circles);
  put(FOCUS_UNCERTAINTY_SOURCE, data.focusCircles);
  put(RANGE_SOURCE, data.rings);
  for (const layer of [...uncertaintyLayers, rangeLineLayer, fallbackPlaceLayer]) if (!map.getLayer(layer.id)) map.addLayer(layer);
}

const SOURCE_OF: Record<keyof PlaceSources, string> = {
  places: INCIDENT_PLACES_SOURCE,
  circles: UNCERTAINTY_SOURCE,
  focusCircles: FOCUS_UNCERTAINTY_SOURCE,
  rings: RANGE_SOURCE,
};

/** The sources' data as last written by writePlaceData, as text: a new object with the same features is not written again. */
export type WrittenPlaceData = Partial<Record<keyof PlaceSources, string>>;

/** What the style's sources hold once it is drawn with these data (after setStyle with styleWithPlaces). */
export function placeDataWritten(data: PlaceSources): WrittenPlaceData {
  return Object.fromEntries(Object.entries(data).map(([key, value]) => [key, JSON.stringify(value)]));
}

/**
 * Writes into a map's place sources the data that changed since `written` (which it updates),
 * without rebuilding or diffing the style: while the date brush moves, only the labels' counts
 * and the rings of the places involved change. Returns whether anything was written.
 */
export function writePlaceData(map: MaplibreMap, data: PlaceSources, written: WrittenPlaceData): boolean {
  let wrote = false;
  for (const key of Object.keys(SOURCE_OF) as (keyof PlaceSources)[]) {
    const text = JSON.stringify(data[key]);
    if (written[key] === text) continue;
    const source = map.getSource(SOURCE_OF[key]);
    if (!source || !('setData' in source)) continue;
    (source as unknown as { setData(d: FeatureCollection): void }).setData(data[key]);
    written[key] = text;
    wrote = true;
  }
  return wrote;
}
