/**
 * The app's own MapLibre sources and layers on top of a basemap: places (dot + two-language
 * label, styled by the basemap) and their uncertainty circles, shown when zoomed in.
 */
import type { FeatureCollection } from 'geojson';
import type { LayerSpecification, Map as MaplibreMap, SourceSpecification, StyleSpecification } from 'maplibre-gl';
import { INCIDENT_PLACES_SOURCE } from './basemap-style';

export const UNCERTAINTY_SOURCE = 'place-uncertainty';
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
export const UNCERTAINTY_MIN_ZOOM = 7;

const uncertaintyLayers: LayerSpecification[] = [
  {
    id: 'place-uncertainty-fill',
    type: 'fill',
    source: UNCERTAINTY_SOURCE,
    minzoom: UNCERTAINTY_MIN_ZOOM,
    paint: { 'fill-color': '#6b5b95', 'fill-opacity': 0.08 },
  },
  {
    id: 'place-uncertainty-line',
    type: 'line',
    source: UNCERTAINTY_SOURCE,
    minzoom: UNCERTAINTY_MIN_ZOOM,
    paint: {
      'line-color': '#6b5b95',
      'line-opacity': 0.55,
      'line-width': 1.2,
      // Estimated places get a dashed edge: the circle is a guess, not a measurement.
      'line-dasharray': ['case', ['get', 'estimated'], ['literal', [3, 2]], ['literal', [1, 0]]],
    },
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
export function styleWithPlaces(style: StyleSpecification, places: FeatureCollection, circles: FeatureCollection, rings: FeatureCollection): StyleSpecification {
  const sources: Record<string, SourceSpecification> = {
    ...style.sources,
    [INCIDENT_PLACES_SOURCE]: { type: 'geojson', data: places },
    [UNCERTAINTY_SOURCE]: { type: 'geojson', data: circles },
    [RANGE_SOURCE]: { type: 'geojson', data: rings },
  };
  const firstPlaceLayer = style.layers.findIndex((l) => 'source' in l && l.source === INCIDENT_PLACES_SOURCE);
  const at = firstPlaceLayer === -1 ? style.layers.length : firstPlaceLayer;
  const layers = [...style.layers.slice(0, at), ...uncertaintyLayers, rangeLineLayer, rangeLabelLayer, ...style.layers.slice(at)];
  return { ...style, sources, layers };
}

/** Adds (or refreshes) the places on a map drawing someone else's style. */
export function addPlacesToForeignStyle(map: MaplibreMap, places: FeatureCollection, circles: FeatureCollection, rings: FeatureCollection): void {
  const put = (id: string, data: FeatureCollection) => {
    const source = map.getSource(id);
    if (source && 'setData' in source) (source as unknown as { setData(d: FeatureCollection): void }).setData(data);
    else map.addSource(id, { type: 'geojson', data });
  };
  put(INCIDENT_PLACES_SOURCE, places);
  put(UNCERTAINTY_SOURCE, circles);
  put(RANGE_SOURCE, rings);
  for (const layer of [...uncertaintyLayers, rangeLineLayer, fallbackPlaceLayer]) if (!map.getLayer(layer.id)) map.addLayer(layer);
}
