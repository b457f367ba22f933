/**
 * Every deck.gl layer of the map, from state: imported points underneath, then imported
 * arcs, the curated incidents on top. The screen and the exports draw through this one function.
 */
import type { Layer } from '@deck.gl/core';
import type { EventColumns } from '../data/event-columns';
import type { DensityArea } from './event-density';
import { buildEventLayers } from './event-layers';
import { buildImportedArcLayers } from './imported-arc-layers';
import { buildIncidentLayers, visibleWindow, type MapLayerState } from './incident-layers';

export interface MapState extends MapLayerState {
  eventColumns: readonly EventColumns[];
  /** Imported event types shown; empty shows all. */
  eventTypes: readonly string[];
  /** Imported rows matching the search, per dataset (null: no search; state/event-matches.svelte.ts). */
  eventMatches: ReadonlyMap<string, Uint8Array> | null;
  /** Where large imported datasets are counted into a density image: the view's (densityAreaFor). */
  densityArea: DensityArea | null;
  /** The view's zoom, for the detail of imported arcs' curves; null: the opening view's. */
  zoom: number | null;
  /** An imported event hovered or opened (its arc is highlighted). */
  eventHighlight: { datasetId: string; row: number } | null;
}

export function buildMapLayers(state: MapState): Layer[] {
  const window = visibleWindow(state);
  return [
    ...buildEventLayers({ columns: state.eventColumns, eventTypes: state.eventTypes, matches: state.eventMatches, window, densityArea: state.densityArea }),
    ...buildImportedArcLayers({
      columns: state.eventColumns,
      eventTypes: state.eventTypes,
      matches: state.eventMatches,
      window,
      range: state.range,
      playhead: state.playhead,
      playing: state.playing,
      zoom: state.zoom,
      highlight: state.eventHighlight,
    }),
    ...buildIncidentLayers(state),
  ];
}
