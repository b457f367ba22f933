/**
 * Every deck.gl layer of the map, from state: imported events underneath, the curated
 * incidents on top. The screen and the exports draw through this one function.
 */
import type { Layer } from '@deck.gl/core';
import type { EventColumns } from '../data/event-columns';
import type { DensityArea } from './event-density';
import { buildEventLayers } from './event-layers';
import { buildIncidentLayers, visibleWindow, type MapLayerState } from './incident-layers';

export interface MapState extends MapLayerState {
  eventColumns: readonly EventColumns[];
  /** Imported event types shown; empty shows all. */
  eventTypes: readonly string[];
  /** Where large imported datasets are counted into a density image: the view's (densityAreaFor). */
  densityArea: DensityArea | null;
}

export function buildMapLayers(state: MapState): Layer[] {
  return [...buildEventLayers({ columns: state.eventColumns, eventTypes: state.eventTypes, window: visibleWindow(state), densityArea: state.densityArea }), ...buildIncidentLayers(state)];
}
