/**
 * The app-wide state and the views derived from it. Filled by app-start.ts (start-up,
 * loading, watching); changed by selection.ts (what is selected or opened).
 * Flow: IndexedDB (seeded from data/) -> snapshot -> selection -> glyphs and halos -> map and panels.
 */
import type { DatasetRecord, StoredIncident, StoredPlace, StoredSource } from '../data/db';
import type { IncidentSnapshot } from '../data/queries';
import type { SeedResult } from '../data/seed';
import type { EventColumns, EventText } from '../data/event-columns';
import { dayRangeIndices, typeCountsBetween } from '../data/event-columns';
import { placeIncidents } from '../map/incident-geometry';
import { buildGlyphs } from '../map/incident-glyphs';
import { arcPlaceHalos, targetHalos } from '../map/target-halos';
import { dayNumber, incidentMoment } from '../timeline/incident-time';
import { time } from './time-state.svelte';
import { eventSearch } from './event-matches.svelte';
import { matchOf } from '../map/event-match';
import { filterState } from './filter-state.svelte';
import { buildSearchIndex, facetCounts, matchesFilters, matchesSearch, type FilterField } from '../analysis/incident-filters';
import { checkRange } from '../analysis/range-check';
import { weaponRangeOf, type WeaponRange } from '../analysis/weapon-ranges';

export type LoadStatus = 'loading' | 'ready' | 'error';

/** What the pointer is over on the map. */
export type HoverTarget =
  | { kind: 'incident'; id: string; x: number; y: number }
  | { kind: 'place'; id: string; x: number; y: number }
  | { kind: 'event'; datasetId: string; row: number; id: string; x: number; y: number };

/** An imported event opened in the details panel, with its text read from IndexedDB. */
export interface OpenEvent {
  datasetId: string;
  row: number;
  text: EventText;
}

class AppState {
  status = $state<LoadStatus>('loading');
  error = $state<string | null>(null);
  /** Another tab upgraded the database: this one let go of it and must be reloaded. */
  staleSchema = $state(false);
  /** Reading the latest data failed (the map keeps what it showed): shown, never swallowed. */
  refreshError = $state<string | null>(null);
  /** 'seeded' when this visit (re)loaded the bundled data, 'current' when IndexedDB had it. */
  seedResult = $state<SeedResult | null>(null);
  snapshot = $state.raw<IncidentSnapshot>({ incidents: [], places: new Map() });
  datasets = $state.raw<DatasetRecord[]>([]);
  /** Imported point events of the visible datasets, as columns. */
  eventColumns = $state.raw<EventColumns[]>([]);
  openEvent = $state.raw<OpenEvent | null>(null);
  datasetNames = $derived(new Map(this.datasets.map((d) => [d.id, d.name] as const)));

  selectedIncidentId = $state<string | null>(null);
  selectedPlaceId = $state<string | null>(null);
  hovered = $state.raw<HoverTarget | null>(null);
  /** The article opened from a source, read from IndexedDB on demand. */
  openArticle = $state.raw<StoredSource | null>(null);

  incidentsById = $derived(new Map(this.snapshot.incidents.map((i) => [i.id, i] as const)));
  /** First day with an incident and the day after the last: the timeline's full extent. */
  extent = $derived.by<[number, number]>(() => {
    let lo = Infinity;
    let hi = -Infinity;
    for (const i of this.snapshot.incidents) {
      const d = dayNumber(i.date);
      if (d < lo) lo = d;
      if (d > hi) hi = d;
    }
    // Imported events are sorted by day: their first and last rows bound them.
    for (const c of this.eventColumns) {
      if (c.length === 0) continue;
      lo = Math.min(lo, Math.floor(c.day[0]!));
      hi = Math.max(hi, Math.floor(c.day[c.length - 1]!));
    }
    if (lo > hi) return [dayNumber('2021-01-01'), dayNumber('2025-01-01')];
    return [lo, hi + 1];
  });
  /** The selected range in days: [first day, day after the last]. */
  rangeDays = $derived<[number, number]>([
    time.from ? dayNumber(time.from) : this.extent[0],
    time.to ? dayNumber(time.to) + 1 : this.extent[1],
  ]);
  searchIndex = $derived(buildSearchIndex(this.snapshot.incidents, this.snapshot.places));
  /** Incidents in the date range, before facet filters and search (what facet counts count). */
  inDateRange = $derived<StoredIncident[]>(
    this.snapshot.incidents.filter((i) => (!time.from || i.date >= time.from) && (!time.to || i.date <= time.to)),
  );
  /** Ids passing the facet filters and search, whatever their date (the map filters dates on the GPU). */
  filteredIds = $derived<ReadonlySet<string>>(
    new Set(
      this.snapshot.incidents
        .filter((i) => matchesFilters(i, filterState.filters) && matchesSearch(this.searchIndex, i.id, filterState.query))
        .map((i) => i.id),
    ),
  );
  /** The incidents the views show: in the date range, through the filters and the search. */
  selection = $derived<StoredIncident[]>(this.inDateRange.filter((i) => this.filteredIds.has(i.id)));
  /** Moments of the selected incidents, sorted: playback steps between them. */
  selectionMoments = $derived(this.selection.map((i) => incidentMoment(i)).sort((a, b) => a - b));
  selectionIds = $derived(new Set(this.selection.map((i) => i.id)));
  geometry = $derived(placeIncidents(this.snapshot.incidents, this.snapshot.places));
  glyphs = $derived(buildGlyphs(this.geometry));
  halos = $derived([...arcPlaceHalos(this.datasets), ...targetHalos(this.selection, this.snapshot.places)]);

  selectedIncident = $derived(this.selectedIncidentId ? this.incidentsById.get(this.selectedIncidentId) ?? null : null);
  selectedPlace = $derived<StoredPlace | null>(this.selectedPlaceId ? this.snapshot.places.get(this.selectedPlaceId) ?? null : null);

  /** Each imported event type with the number of its events in the date range (matching the search, if any). */
  eventTypeCounts = $derived.by<Map<string, number>>(() => {
    const counts = new Map<string, number>();
    const [start, end] = this.rangeDays;
    const matches = eventSearch.matches;
    for (const columns of this.eventColumns) {
      const [from, to] = dayRangeIndices(columns, start, end);
      const perType = new Uint32Array(columns.eventTypes.length);
      const match = matchOf(columns, matches);
      if (match) for (let i = from; i < to; i++) perType[columns.eventType[i]!]! += match[i]!;
      else typeCountsBetween(columns, from, to, perType);
      columns.eventTypes.forEach((name, index) => counts.set(name, (counts.get(name) ?? 0) + perType[index]!));
    }
    return counts;
  });
  /** Imported events shown: in the date range and of a chosen type. */
  eventCount = $derived.by(() => {
    let n = 0;
    for (const [type, count] of this.eventTypeCounts) if (filterState.eventTypes.length === 0 || filterState.eventTypes.includes(type)) n += count;
    return n;
  });

  /** Weapons with a known range used against the selected place (or places inside it) in the selection. */
  rangeRings = $derived.by<{ place: StoredPlace; ranges: WeaponRange[] } | null>(() => {
    const place = this.selectedPlace;
    if (!place) return null;
    const inside = new Set([place.id, ...[...this.snapshot.places.values()].filter((p) => p.parentId === place.id).map((p) => p.id)]);
    const ranges = new Map<string, WeaponRange>();
    for (const incident of this.selection) {
      if (!inside.has(incident.targetId)) continue;
      const range = weaponRangeOf(incident);
      if (range) ranges.set(range.id, range);
    }
    return { place, ranges: [...ranges.values()].sort((a, b) => a.km - b.km) };
  });

  /** The selected incident's origin checked against its weapon's range. */
  selectedRangeCheck = $derived.by(() => {
    const i = this.selectedIncident;
    if (!i) return null;
    return checkRange(i, i.originId ? this.snapshot.places.get(i.originId) : undefined, this.snapshot.places.get(i.targetId));
  });
}

/** For a facet, each value's count among incidents in the date range that pass the other filters and the search. */
export function facetCountsFor(field: FilterField): Map<string, number> {
  const searched = app.inDateRange.filter((i) => matchesSearch(app.searchIndex, i.id, filterState.query));
  return facetCounts(searched, filterState.filters, field);
}

export const app = new AppState();
