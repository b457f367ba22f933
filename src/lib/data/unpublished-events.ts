/**
 * Events an import writes while its file is read (src/lib/import/staged-events.ts) stay
 * unpublished, under a dataset id with no record, until its commit. This module finds and
 * removes those an import left behind (a closed tab, a stopped worker), never those an import
 * still holds: each holds a Web Lock on its staged dataset while it runs. Only Dexie here: the
 * page runs the sweep at start without loading the importer.
 */
import type { IncidentDatabase } from './db';

const STAGED_STORES = ['eventChunks', 'eventText', 'eventKeys', 'eventSearch'] as const;

/** The Web Lock an import holds on the events it has staged. */
export function stagingLockName(dbName: string, datasetId: string): string {
  return `strikes-map:staging:${dbName}:${datasetId}`;
}

export interface LockManagerLike {
  request(name: string, callback: () => Promise<void>): Promise<void>;
  query(): Promise<{ held?: { name?: string }[] }>;
}
export function lockManager(): LockManagerLike | null {
  const nav = (globalThis as { navigator?: { locks?: LockManagerLike } }).navigator;
  return nav?.locks ?? null;
}

/** The names of the staging locks held now (in any tab or worker of this origin). */
export async function heldStagingLocks(): Promise<Set<string>> {
  const locks = lockManager();
  if (!locks) return new Set();
  const { held = [] } = await locks.query();
  return new Set(held.map((l) => l.name ?? ''));
}

/** Deletes every staged record of these datasets, in one transaction. */
export async function deleteStaged(db: IncidentDatabase, datasetIds: readonly string[]): Promise<void> {
  await db.transaction('rw', STAGED_STORES.map((store) => db.table(store)), async () => {
    for (const store of STAGED_STORES) await db.table(store).where('datasetId').anyOf([...datasetIds]).delete();
  });
}

/**
 * Removes events staged by imports that never finished (a closed tab, a stopped worker): those
 * of a dataset with no record whose lock nobody holds. Returns the datasets removed, and those
 * left because an import holds them.
 * The locks are read after the scan (an import takes its lock before its first write), and the
 * records are checked and deleted in one transaction with the datasets store (no commit between).
 */
export async function sweepUnpublished(db: IncidentDatabase, heldLocks: () => Promise<ReadonlySet<string>> = heldStagingLocks): Promise<{ removed: string[]; held: string[] }> {
  const candidates = new Set<string>();
  for (const store of STAGED_STORES) for (const id of await db.table(store).orderBy('datasetId').uniqueKeys()) candidates.add(String(id));
  if (candidates.size === 0) return { removed: [], held: [] };
  const locks = await heldLocks();
  return db.transaction('rw', [db.datasets, ...STAGED_STORES.map((store) => db.table(store))], async () => {
    const published = new Set((await db.datasets.toCollection().primaryKeys()).map(String));
    const unpublished = [...candidates].filter((id) => !published.has(id));
    const held = unpublished.filter((id) => locks.has(stagingLockName(db.name, id)));
    const removed = unpublished.filter((id) => !held.includes(id));
    for (const store of STAGED_STORES) if (removed.length > 0) await db.table(store).where('datasetId').anyOf(removed).delete();
    return { removed, held };
  });
}

/**
 * After a worker was stopped mid-import: its lock goes when the browser has torn it down, a
 * moment later; sweeps until nothing it staged is left (or `tries` run out: the next start does it).
 */
export async function sweepAfterStop(db: IncidentDatabase, tries = 20, waitMs = 250): Promise<string[]> {
  const removed: string[] = [];
  for (let i = 0; i < tries; i++) {
    const result = await sweepUnpublished(db);
    removed.push(...result.removed);
    if (result.held.length === 0) break;
    await new Promise((resolve) => setTimeout(resolve, waitMs));
  }
  return removed;
}
