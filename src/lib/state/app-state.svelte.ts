/**
 * The only owner of app-wide state and the only caller of the database.
 * Flow: IndexedDB (seeded from data/) -> snapshot -> geometry -> map and panels.
 */
import { IncidentDatabase } from '../data/db';
import { ensureBundledDataset, type SeedResult } from '../data/seed';
import { readVisibleIncidents, type IncidentSnapshot } from '../data/queries';
import { placeIncidents, type IncidentGeometry } from '../map/incident-geometry';

export type LoadStatus = 'loading' | 'ready' | 'error';

class AppState {
  status = $state<LoadStatus>('loading');
  error = $state<string | null>(null);
  /** 'seeded' when this visit (re)loaded the bundled data, 'current' when IndexedDB had it. */
  seedResult = $state<SeedResult | null>(null);
  snapshot = $state.raw<IncidentSnapshot>({ incidents: [], places: new Map() });
  geometry = $derived.by<IncidentGeometry>(() => placeIncidents(this.snapshot.incidents, this.snapshot.places));
}

export const app = new AppState();

let database: IncidentDatabase | null = null;

export async function startApp(): Promise<void> {
  try {
    database = new IncidentDatabase();
    app.seedResult = await ensureBundledDataset(database, __BUNDLED_DATASET_HASH__, async () => {
      const { loadBundledDataset } = await import('../data/bundled-dataset');
      return loadBundledDataset();
    });
    app.snapshot = await readVisibleIncidents(database);
    app.status = 'ready';
  } catch (error) {
    app.error = error instanceof Error ? error.message : String(error);
    app.status = 'error';
    console.error(error);
  }
}
