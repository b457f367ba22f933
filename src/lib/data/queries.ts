/** Reads from IndexedDB for the views, and the live query on the datasets: nothing outside lib/data imports Dexie. */
import { liveQuery } from 'dexie';
import type { DatasetRecord, IncidentDatabase, StoredIncident, StoredPlace, StoredSource } from './db';

export interface IncidentSnapshot {
  incidents: StoredIncident[];
  places: Map<string, StoredPlace>;
}

/** Every incident of the visible datasets, in date order, with the places they use. */
export async function readVisibleIncidents(db: IncidentDatabase): Promise<IncidentSnapshot> {
  return db.transaction('r', [db.incidents, db.places, db.datasets], async () => {
    const visible = (await db.datasets.toArray()).filter((d) => d.visible).map((d) => d.id);
    const incidents = visible.length === 0 ? [] : await db.incidents.where('datasetId').anyOf(visible).sortBy('date');
    const places = new Map((await db.places.toArray()).map((p) => [p.id, p] as const));
    return { incidents, places };
  });
}

/** Every dataset record (bundled and imported). */
export function readDatasets(db: IncidentDatabase): Promise<DatasetRecord[]> {
  return db.datasets.toArray();
}

/** The source article with this id, or null. */
export async function readSource(db: IncidentDatabase, id: string): Promise<StoredSource | null> {
  return (await db.sources.get(id)) ?? null;
}

/** The source articles with these ids that exist. */
export async function readSources(db: IncidentDatabase, ids: readonly string[]): Promise<StoredSource[]> {
  return (await db.sources.bulkGet([...ids])).filter((s): s is StoredSource => s !== undefined);
}

/**
 * Calls `onChange` with the datasets whenever the datasets store changes, in this tab or
 * another (every import, rename, hide or delete writes it), first with what it holds now.
 * Returns the unsubscription.
 */
export function watchDatasetRecords(db: IncidentDatabase, onChange: (datasets: DatasetRecord[]) => void, onError: (error: unknown) => void): () => void {
  const subscription = liveQuery(() => db.datasets.toArray()).subscribe({ next: onChange, error: onError });
  return () => subscription.unsubscribe();
}
