/**
 * What a user does to the datasets and to an import, on the app's database: rename, show
 * or hide, delete, and the import session (reading, report, commit in the worker). Each
 * writes the datasets store, so the app's live query re-reads the data.
 */
import { deleteDataset, readGazetteer, renameDataset, setDatasetVisible } from '../import/datasets';
import { sweepAfterStop } from '../data/unpublished-events';
import { ImportSession, type WorkerLike } from '../import/import-session';
import { openDatabase } from './database';

function database() {
  const db = openDatabase();
  if (!db) throw new Error('The data is not open yet.');
  return db;
}

export const renameDatasetNamed = (id: string, name: string) => renameDataset(database(), id, name);
export const showDataset = (id: string, visible: boolean) => setDatasetVisible(database(), id, visible);
export const removeDataset = (id: string) => deleteDataset(database(), id);

/** A new import session on the app's database (`createWorker`: a worker of the tests' own). */
export function createImportSession(createWorker?: () => WorkerLike): ImportSession {
  const db = database();
  return new ImportSession({
    gazetteer: () => readGazetteer(db),
    dbName: db.name,
    // What a stopped worker wrote while reading goes once its lock does.
    onWorkerStopped: () => void sweepAfterStop(db).catch((error: unknown) => console.warn('could not remove an unfinished import', error)),
    ...(createWorker ? { createWorker } : {}),
  });
}
