/**
 * Backing up every dataset (the bundled one, every import, their events) into one file,
 * read in one read-only transaction so that it is a consistent picture of the database.
 */
import { BACKUP_STORES, encodeBackup, type BackupRecords } from './backup-format';
import type { IncidentDatabase } from './db';

/** Every record of every dataset, or of the datasets named (a published map holds those shown). */
export async function readBackupRecords(db: IncidentDatabase, datasetIds?: readonly string[]): Promise<BackupRecords> {
  return db.transaction('r', BACKUP_STORES.map((store) => db.table(store)), async () => {
    // Only published datasets: an import being written (staged, with no dataset record yet) is not one.
    const ids = datasetIds ?? (await db.datasets.toCollection().primaryKeys()).map(String);
    const read = (store: (typeof BACKUP_STORES)[number]) => {
      const table = db.table(store);
      return store === 'datasets' ? table.where('id').anyOf(ids).toArray() : table.where('datasetId').anyOf(ids).toArray();
    };
    const entries = await Promise.all(BACKUP_STORES.map(async (store) => [store, (await read(store)) as Record<string, unknown>[]] as const));
    return Object.fromEntries(entries) as BackupRecords;
  });
}

/** The whole database as a backup file (see backup-format.ts). */
export async function createBackup(db: IncidentDatabase, now = new Date()): Promise<Blob> {
  const bytes = encodeBackup(await readBackupRecords(db), now.toISOString());
  return new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/zip' });
}

export function backupFileName(now = new Date()): string {
  return `eastern-syria-strikes-backup_${now.toISOString().slice(0, 10)}.zip`;
}
