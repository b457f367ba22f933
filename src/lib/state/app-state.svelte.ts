/**
 * The only owner of app-wide state and the only caller of the database.
 * Flow: IndexedDB (seeded from data/) -> snapshot -> selection -> glyphs and halos -> map and panels.
 */
import { IncidentDatabase, type DatasetRecord, type StoredIncident, type StoredPlace, type StoredSource } from '../data/db';
import { drawnAsDensity, prepareWorldPositions } from '../map/event-density';
import { ensureBundledDataset, type SeedResult } from '../data/seed';
import type { EventColumns, EventText } from '../data/event-columns';
import { dayRangeIndices } from '../data/event-columns';
import { readEventText, readVisibleEventColumns } from '../data/event-store';
import { readDatasets, readSource, readSources, readVisibleIncidents, watchDatasetRecords, type IncidentSnapshot } from '../data/queries';
import { placeIncidents } from '../map/incident-geometry';
import { buildGlyphs } from '../map/incident-glyphs';
import { arcPlaceHalos, targetHalos } from '../map/target-halos';
import { dayNumber, incidentMoment } from '../timeline/incident-time';
import { setDatabase, openDatabase } from './database';
import { time } from './time-state.svelte';
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

  /** Each imported event type with the number of its events in the date range. */
  eventTypeCounts = $derived.by<Map<string, number>>(() => {
    const counts = new Map<string, number>();
    const [start, end] = this.rangeDays;
    for (const columns of this.eventColumns) {
      const [from, to] = dayRangeIndices(columns, start, end);
      const perType = new Uint32Array(columns.eventTypes.length);
      for (let i = from; i < to; i++) perType[columns.eventType[i]!]! += 1;
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


/**
 * Opens the database (on a first visit Chromium then makes one round trip to this thread per
 * index it creates), seeds it with the bundled dataset when it lacks the current one, and
 * reads what the views show. main.ts waits for it before building the map. The marks
 * (performance.mark) let a profile or the benchmark see each step.
 */
export async function startApp(): Promise<void> {
  try {
    performance.mark('app:start');
    const db = new IncidentDatabase();
    // A newer version of the app upgrading the database in another tab: let go of it at
    // once (holding it would block that upgrade) and ask for a reload.
    db.on('versionchange', () => {
      db.close();
      stopWatching?.();
      app.staleSchema = true;
      return false;
    });
    await db.open();
    setDatabase(db);
    performance.mark('app:db-open');
    app.seedResult = await ensureBundledDataset(db, __BUNDLED_DATASET_HASH__, async () => {
      const { loadBundledDataset } = await import('../data/bundled-dataset');
      return loadBundledDataset();
    });
    performance.mark('app:seeded');
    await refreshData(db);
    performance.mark('app:data-read');
    app.status = 'ready';
    watchDatasets(db);
  } catch (error) {
    app.error = error instanceof Error ? error.message : String(error);
    app.status = 'error';
    console.error(error);
  }
}

let refreshTag = 0;
/** Reads what the views show from IndexedDB; only the latest of overlapping reads is kept. */
async function refreshData(db: IncidentDatabase): Promise<void> {
  const tag = ++refreshTag;
  const [snapshot, datasets, eventColumns] = await Promise.all([readVisibleIncidents(db), readDatasets(db), readVisibleEventColumns(db)]);
  if (tag !== refreshTag) return;
  // Large datasets are drawn as a density image from projected positions: project them in slices first.
  for (const columns of eventColumns) if (drawnAsDensity(columns)) await prepareWorldPositions(columns);
  if (tag !== refreshTag) return;
  app.refreshError = null;
  app.snapshot = snapshot;
  app.datasets = datasets;
  if (eventColumns.length === 0 && app.eventColumns.length === 0) return;
  // The views of imported events (map layer, timeline shading, type facets) update in a task of
  // their own, after the lists and counts: one task for all of them exceeds 100 ms at 100k rows.
  await new Promise((resolve) => setTimeout(resolve, 0));
  if (tag !== refreshTag) return;
  app.eventColumns = eventColumns;
}

function showRefreshError(error: unknown): void {
  console.error(error);
  app.refreshError = error instanceof Error ? error.message : String(error);
}

let stopWatching: (() => void) | null = null;
/**
 * Every import, rename, hide or delete writes the datasets table, in this tab or another:
 * a live query on it re-reads the data.
 */
function watchDatasets(db: IncidentDatabase): void {
  stopWatching?.();
  let first = true;
  stopWatching = watchDatasetRecords(
    db,
    () => {
      if (first) {
        first = false;
        return;
      }
      refreshData(db).catch(showRefreshError);
    },
    showRefreshError,
  );
}

export function selectIncident(id: string | null): void {
  app.selectedIncidentId = id;
  app.selectedPlaceId = null;
  app.openArticle = null;
  app.openEvent = null;
}

export function selectPlace(id: string | null): void {
  app.selectedPlaceId = id;
  app.selectedIncidentId = null;
  app.openArticle = null;
  app.openEvent = null;
}

/** Opens an imported event's details, reading its text from IndexedDB (on click, never on hover). */
export async function selectEvent(datasetId: string, row: number): Promise<void> {
  const database = openDatabase();
  if (!database) return;
  const text = await readEventText(database, datasetId, row);
  app.selectedIncidentId = null;
  app.selectedPlaceId = null;
  app.openArticle = null;
  app.openEvent = { datasetId, row, text };
}

export function closeEvent(): void {
  app.openEvent = null;
}

export function setHovered(target: HoverTarget | null): void {
  const current = app.hovered;
  if (current === target) return;
  if (current && target && current.kind === target.kind && current.id === target.id && current.x === target.x && current.y === target.y) return;
  app.hovered = target;
}

/** The source articles with these ids (for exports). */
export async function readSourceArticles(ids: readonly string[]): Promise<StoredSource[]> {
  const database = openDatabase();
  if (!database || ids.length === 0) return [];
  return readSources(database, ids);
}

/** Opens the full text of a source article (or closes it with null). */
export async function showArticle(sourceId: string | null): Promise<void> {
  const database = openDatabase();
  if (!sourceId || !database) {
    app.openArticle = null;
    return;
  }
  app.openArticle = await readSource(database, sourceId);
}
