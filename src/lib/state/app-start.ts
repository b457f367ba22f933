/**
 * Start-up, loading and watching: opens the database, seeds the bundled dataset when it
 * lacks the current one, reads what the views show into `app`, and re-reads it whenever
 * the datasets change (in this tab or another). The only module that fills `app`'s data.
 */
import { IncidentDatabase } from '../data/db';
import { createEventColumnsReader } from '../data/event-columns-reader';
import { readDatasets, readVisibleIncidents, watchDatasetRecords } from '../data/queries';
import { ensureBundledDataset } from '../data/seed';
import { sweepUnpublished } from '../data/unpublished-events';
import { drawnAsDensity, prepareWorldPositions } from '../map/event-density';
import { app } from './app-state.svelte';
import { setDatabase } from './database';
import { watchEventSearch } from './event-search.svelte';

/**
 * Opens the database (on a first visit Chromium then makes one round trip to this thread per
 * index it creates), seeds it with the bundled dataset when it lacks the current one, and
 * reads what the views show. main.ts waits for it before building the map. The marks
 * (performance.mark) let a profile or the benchmark see each step.
 */
export interface StartOptions {
  /** The database (a published map has one of its own, src/lib/publish/site-config.ts). */
  dbName?: string;
  /** Fills the database on a first visit; by default with the bundled dataset. */
  seed?: (db: IncidentDatabase) => Promise<unknown>;
}

export async function startApp(options: StartOptions = {}): Promise<void> {
  try {
    performance.mark('app:start');
    const db = new IncidentDatabase(options.dbName);
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
    if (options.seed) await options.seed(db);
    else
      app.seedResult = await ensureBundledDataset(db, __BUNDLED_DATASET_HASH__, async () => {
        const { loadBundledDataset } = await import('../data/bundled-dataset');
        return loadBundledDataset();
      });
    performance.mark('app:seeded');
    await refreshData(db);
    performance.mark('app:data-read');
    app.status = 'ready';
    watchDatasets(db);
    watchEventSearch();
    // An import a closed tab left half written (never visible) goes, once the map has started.
    setTimeout(() => void sweepUnpublished(db).catch((error: unknown) => console.warn('could not remove an unfinished import', error)), 1000);
  } catch (error) {
    failStart(error);
  }
}

/** The page says what went wrong instead of showing an empty map. */
export function failStart(error: unknown): void {
  app.error = error instanceof Error ? error.message : String(error);
  app.status = 'error';
  console.error(error);
}

/** Imported events' columns are read in a worker (a million rows: about 100 ms off the page's thread). */
const eventColumnsReader = createEventColumnsReader();

let refreshTag = 0;
/** Reads what the views show from IndexedDB; only the latest of overlapping reads is kept. */
async function refreshData(db: IncidentDatabase): Promise<void> {
  const tag = ++refreshTag;
  const datasetsRead = readDatasets(db);
  // The worker is started only when a shown dataset holds imported events.
  const columnsRead = datasetsRead.then((list) => (list.some((d) => d.visible && (d.eventCount ?? 0) > 0) ? eventColumnsReader.read(db) : []));
  const [snapshot, datasets, eventColumns] = await Promise.all([readVisibleIncidents(db), datasetsRead, columnsRead]);
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
