/**
 * The app's own MapLibre sources and layers on top of a basemap: places (dot + two-language
 * label, styled by the basemap) and their uncertainty circles, shown when zoomed in.
 */
import type { FeatureCollection } from 'geojson';
import type { LayerSpecification, Map as MaplibreMap, SourceSpecification, StyleSpecification } from 'maplibre-gl';
import { INCIDENT_PLACES_SOURCE } from './basemap-style';

export const UNCERTAINTY_SOURCE = 'place-uncertainty';
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
export function styleWithPlaces(style: StyleSpecification, places: FeatureCollection, circles: FeatureCollection): StyleSpecification {
  const sources: Record<string, SourceSpecification> = {
    ...style.sources,
    [INCIDENT_PLACES_SOURCE]: { type: 'geojson', data: places },
    [UNCERTAINTY_SOURCE]: { type: 'geojson', data: circles },
  };
  const firstPlaceLayer = style.layers.findIndex((l) => 'source' in l && l.source === INCIDENT_PLACES_SOURCE);
  const at = firstPlaceLayer === -1 ? style.layers.length : firstPlaceLayer;
  const layers = [...style.layers.slice(0, at), ...uncertaintyLayers, ...style.layers.slice(at)];
  return { ...style, sources, layers };
}

/** Adds (or refreshes) the places on a map drawing someone else's style. */
export function addPlacesToForeignStyle(map: MaplibreMap, places: FeatureCollection, circles: FeatureCollection): void {
  const placeSource = map.getSource(INCIDENT_PLACES_SOURCE);
  if (placeSource && 'setData' in placeSource) (placeSource as unknown as { setData(d: FeatureCollection): void }).setData(places);
  else map.addSource(INCIDENT_PLACES_SOURCE, { type: 'geojson', data: places });
  const circleSource = map.getSource(UNCERTAINTY_SOURCE);
  if (circleSource && 'setData' in circleSource) (circleSource as unknown as { setData(d: FeatureCollection): void }).setData(circles);
  else map.addSource(UNCERTAINTY_SOURCE, { type: 'geojson', data: circles });
  for (const layer of [...uncertaintyLayers, fallbackPlaceLayer]) if (!map.getLayer(layer.id)) map.addLayer(layer);
}
