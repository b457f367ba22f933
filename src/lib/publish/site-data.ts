/**
 * A published map's data in the reader's browser: on the first visit (and after the map is
 * published again) site/data.zip is fetched and restored into the map's own database by the
 * import worker, the same way a backup is restored (checked record by record, written in one
 * transaction, off the page's thread); datasets the publication no longer holds are removed.
 * Later visits read the database and fetch nothing.
 */
import type { IncidentDatabase } from '../data/db';
import { BACKUP_STORES } from '../data/backup-format';
import { ImportSession, importUnattended, type WorkerLike } from '../import/import-session';
import { siteDataPlan, type SiteConfig } from './site-config';

export interface SiteDataOptions {
  /** Reads site/data.zip (fetch in the page). */
  fetchData: (path: string) => Promise<Blob>;
  createWorker: () => WorkerLike;
  /** Data files up to this size are restored on this thread (default SMALL_DATA_BYTES). */
  smallDataBytes?: number;
}

/** Brings the database up to the publication; true when it loaded the data file. */
export async function ensureSiteData(db: IncidentDatabase, site: SiteConfig, options: SiteDataOptions): Promise<boolean> {
  const stored = (await db.datasets.toArray()).map((d) => ({ id: d.id, hash: d.hash }));
  const plan = siteDataPlan(stored, site.datasets);
  if (plan.load) {
    const file = await options.fetchData(site.data.path);
    if (file.size <= (options.smallDataBytes ?? SMALL_DATA_BYTES)) await restoreHere(db, file, site.data.path);
    else await restoreInWorker(file, site.data.path, db.name, options.createWorker);
  }
  if (plan.remove.length > 0) {
    await db.transaction('rw', BACKUP_STORES.map((store) => db.table(store)), async () => {
      for (const id of plan.remove) {
        for (const store of BACKUP_STORES) {
          if (store === 'datasets') await db.datasets.delete(id);
          else await db.table(store).where('datasetId').equals(id).delete();
        }
      }
    });
  }
  return plan.load;
}

/**
 * Data files up to this size (the bundled incidents alone are ~50 KB) are restored on the page's
 * thread: starting the import worker (its script holds every parser) would cost a reader's first
 * visit more than the restore itself.
 */
export const SMALL_DATA_BYTES = 1_000_000;

/** The same checks and the same single transaction as in the worker, on this thread. */
async function restoreHere(db: IncidentDatabase, file: Blob, fileName: string): Promise<void> {
  const [{ readBackup, commitRestore }, { blobSource }] = await Promise.all([import('../import/backup-import'), import('../import/import-source')]);
  await commitRestore(db, await readBackup(blobSource(file, fileName)), fileName);
}

/** Through the import worker (off the page's thread), as a backup is restored. */
async function restoreInWorker(file: Blob, fileName: string, dbName: string, createWorker: () => WorkerLike): Promise<void> {
  const session = new ImportSession({ createWorker, gazetteer: () => [], dbName });
  try {
    await importUnattended(session, file, fileName, { merge: false, format: 'backup' });
  } finally {
    session.dispose();
  }
}
