/**
 * The browser's storage as the reader needs to know it: whether it keeps the data for good
 * (persistent storage) or may clear it under pressure, how much is used, and a backup of
 * everything. Persistence is asked for at the first import, or when the reader asks.
 */
import { openDatabase } from './database';

export type Persistence = 'persistent' | 'best-effort' | 'unsupported';

class StorageState {
  persistence = $state<Persistence | null>(null);
  /** The browser was asked to keep the data and said no. */
  refused = $state(false);
  usage = $state<number | null>(null);
  quota = $state<number | null>(null);
  backingUp = $state(false);
  backupError = $state<string | null>(null);
}

export const storage = new StorageState();

/** Reads whether the data is kept for good and how much space it takes. */
export async function refreshStorage(): Promise<void> {
  const manager = typeof navigator !== 'undefined' ? navigator.storage : undefined;
  if (!manager?.persisted) {
    storage.persistence = 'unsupported';
    return;
  }
  storage.persistence = (await manager.persisted()) ? 'persistent' : 'best-effort';
  if (manager.estimate) {
    const estimate = await manager.estimate();
    storage.usage = estimate.usage ?? null;
    storage.quota = estimate.quota ?? null;
  }
}

/** Asks the browser to keep this site's data until the reader deletes it (it may refuse). */
export async function requestPersistence(): Promise<void> {
  const manager = typeof navigator !== 'undefined' ? navigator.storage : undefined;
  if (!manager?.persist) return refreshStorage();
  const granted = await manager.persist();
  storage.refused = !granted;
  await refreshStorage();
}

let asked = false;
/** After an import: the first one asks for persistent storage (once per visit). */
export async function afterImport(): Promise<void> {
  if (!asked && storage.persistence !== 'persistent') {
    asked = true;
    await requestPersistence();
  } else await refreshStorage();
}

/** Saves every dataset into one file, for the reader to keep or to restore through the import. */
export async function downloadBackup(save: (blob: Blob, name: string) => void): Promise<void> {
  const db = openDatabase();
  if (!db || storage.backingUp) return;
  storage.backingUp = true;
  storage.backupError = null;
  try {
    const now = new Date();
    // Loaded when asked for: the zip code stays out of the first load.
    const { backupFileName, createBackup } = await import('../data/backup');
    save(await createBackup(db, now), backupFileName(now));
  } catch (error) {
    storage.backupError = error instanceof Error ? error.message : String(error);
  } finally {
    storage.backingUp = false;
  }
}
