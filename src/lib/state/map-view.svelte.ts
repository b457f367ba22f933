/**
 * The map's state, derived once from the app's state and read by both the live map and
 * the exports: the layers' input (glyphs, filters, time), the places the selection
 * involves, and each incident's framing points for the camera.
 */
import type { SceneInputs } from '../export/export-scene';
import type { MapState } from '../map/map-layers';
import { framedIncidents } from '../map/framing';
import { app } from './app-state.svelte';
import { filterState } from './filter-state.svelte';
import { eventSearch } from './event-matches.svelte';
import { time } from './time-state.svelte';

class MapView {
  /** What the map draws, as on screen but without the pointer's hover and the view's density area. */
  state = $derived<MapState>({
    eventColumns: app.eventColumns,
    eventTypes: filterState.eventTypes,
    eventMatches: eventSearch.matches,
    densityArea: null,
    zoom: null,
    eventHighlight: app.openEvent ? { datasetId: app.openEvent.datasetId, row: app.openEvent.row } : null,
    glyphs: app.glyphs,
    halos: app.halos,
    selectedId: app.selectedIncidentId,
    hoveredId: null,
    visibleIds: app.filteredIds,
    range: app.rangeDays,
    playhead: time.playhead,
    playing: time.playing,
    mode: time.mode,
    windowDays: time.windowDays,
  });
  /** Every incident's framing points, sorted by moment. */
  framed = $derived(framedIncidents(app.glyphs));
  /** Places an incident of the selection hits, comes from or involves. */
  selectionPlaceIds = $derived.by<ReadonlySet<string>>(() => {
    const ids = new Set<string>();
    for (const incident of app.selection) {
      ids.add(incident.targetId);
      if (incident.originId) ids.add(incident.originId);
      for (const id of incident.relatedPlaceIds ?? []) ids.add(id);
    }
    return ids;
  });
  /** Incidents of the selection per target place: which places matter most, for the labels. */
  targetCounts = $derived.by<ReadonlyMap<string, number>>(() => {
    const counts = new Map<string, number>();
    for (const incident of app.selection) counts.set(incident.targetId, (counts.get(incident.targetId) ?? 0) + 1);
    return counts;
  });
}

export const mapView = new MapView();

/** What an export needs from the app, read when the user asks: the same map state as the screen. */
export function sceneInputs(): SceneInputs {
  return {
    state: mapView.state,
    incidents: app.selection,
    places: app.snapshot.places,
    stops: app.selectionMoments,
    speed: time.speed,
    compressGaps: time.compressGaps,
  };
}
