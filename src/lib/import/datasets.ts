/**
 * Managing datasets: rename, show/hide, delete. Every change writes the `datasets`
 * store, so a Dexie liveQuery on it (in this tab or another) sees it; deleting a
 * dataset removes all its rows in one transaction.
 */
import { BUNDLED_DATASET_ID, type DatasetRecord, type IncidentDatabase } from '../data/db';
import type { GazetteerPlace } from './gazetteer';

/** A refused change to a dataset: the message in English, `code` and `params` for the UI ('import.datasets.error.<code>'). */
export class DatasetError extends Error {
  override name = 'DatasetError';
  constructor(
    message: string,
    readonly code: 'name-empty' | 'name-too-long' | 'dataset-missing' | 'bundled-undeletable',
    readonly params: Record<string, string | number> = {},
  ) {
    super(message);
  }
}

export async function listDatasets(db: IncidentDatabase): Promise<DatasetRecord[]> {
  const all = await db.datasets.toArray();
  // The bundled dataset first, then imports oldest first.
  return all.sort((a, b) => (a.kind === b.kind ? a.loadedAt.localeCompare(b.loadedAt) : a.kind === 'bundled' ? -1 : 1));
}

export async function renameDataset(db: IncidentDatabase, id: string, name: string): Promise<void> {
  const trimmed = name.trim();
  if (trimmed === '') throw new DatasetError('A dataset needs a name.', 'name-empty');
  if (trimmed.length > 200) throw new DatasetError('That name is too long (200 characters at most).', 'name-too-long', { max: 200 });
  const changed = await db.datasets.update(id, { name: trimmed });
  if (changed === 0 && !(await db.datasets.get(id))) throw new DatasetError(`No dataset ${id} (deleted in another tab?).`, 'dataset-missing', { id });
}

export async function setDatasetVisible(db: IncidentDatabase, id: string, visible: boolean): Promise<void> {
  const changed = await db.datasets.update(id, { visible });
  if (changed === 0 && !(await db.datasets.get(id))) throw new DatasetError(`No dataset ${id} (deleted in another tab?).`, 'dataset-missing', { id });
}

export interface DeletedCounts {
  incidents: number;
  places: number;
  sources: number;
  eventChunks: number;
}

/** Deletes an imported dataset and everything it holds, in one transaction. The bundled one cannot be deleted (hide it). */
export async function deleteDataset(db: IncidentDatabase, id: string): Promise<DeletedCounts> {
  if (id === BUNDLED_DATASET_ID) throw new DatasetError('The bundled dataset cannot be deleted; hide it instead.', 'bundled-undeletable');
  return db.transaction('rw', [db.datasets, db.incidents, db.places, db.sources, db.eventChunks, db.eventText, db.eventKeys, db.eventSearch], async () => {
    const incidents = await db.incidents.where('datasetId').equals(id).delete();
    const places = await db.places.where('datasetId').equals(id).delete();
    const sources = await db.sources.where('datasetId').equals(id).delete();
    const eventChunks = await db.eventChunks.where('datasetId').equals(id).delete();
    await db.eventText.where('datasetId').equals(id).delete();
    await db.eventKeys.where('datasetId').equals(id).delete();
    await db.eventSearch.where('datasetId').equals(id).delete();
    await db.datasets.delete(id);
    return { incidents, places, sources, eventChunks };
  });
}

/**
 * The gazetteer imported place names are matched against: the bundled places only, so
 * that deleting one import never leaves another pointing at places that are gone.
 */
export async function readGazetteer(db: IncidentDatabase): Promise<GazetteerPlace[]> {
  const places = await db.places.where('datasetId').equals(BUNDLED_DATASET_ID).toArray();
  return places.map((p) => ({ id: p.id, name: { en: p.name.en, ar: p.name.ar }, altNames: [...p.altNames], lon: p.lon, lat: p.lat }));
}
