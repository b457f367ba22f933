/**
 * The live map and its deck.gl overlay, for exports: filled once by MapView's
 * `onMapReady` (App.svelte passes `setMapHandle`), read by the export panel.
 */
import type { MapboxOverlay } from '@deck.gl/mapbox';
import type { Map as MaplibreMap } from 'maplibre-gl';

class MapHandle {
  map = $state.raw<MaplibreMap | null>(null);
  overlay = $state.raw<MapboxOverlay | null>(null);
}

export const mapHandle = new MapHandle();

export function setMapHandle(map: MaplibreMap, overlay: MapboxOverlay): void {
  mapHandle.map = map;
  mapHandle.overlay = overlay;
  map.once('remove', () => {
    if (mapHandle.map === map) {
      mapHandle.map = null;
      mapHandle.overlay = null;
    }
  });
}
