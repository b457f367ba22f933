/**
 * Writing an import: everything accepted from one file goes in ONE read-write
 * transaction over every store it touches. A failure (a quota error included), a
 * cancel, or the tab (or worker) closing before the transaction commits rolls all of
 * it back: IndexedDB keeps the database exactly as it was.
 *
 * Re-importing ACLED (docs/IMPORT.md, "Merging"): an ACLED file whose event_id_cnty
 * values overlap a stored ACLED dataset is merged into it: stored rows with an id the
 * file has are replaced by the file's rows, the others are kept, new ids are added.
 */
import type { DatasetRecord, IncidentDatabase } from '../data/db';
import { countOrigins, EVENT_CHUNK_ROWS, FIELD_SEPARATOR } from '../data/event-store';
import { batchKeys, type EventBatch } from './event-batch';
import { mergeBatches } from './event-merge';
import { batchFromRecords, buildEventRecords } from './event-records';
import { defaultDatasetName, type MergePreview } from './import-core';
import { type CommitResult, type ParsedImport } from './types';
import { ImportCancelled, ImportError } from './import-errors';
import { commitRestore } from './backup-import';
import { indexBatch, searchRecord } from '../search/event-search-record';

export const QUOTA_MESSAGE = "The browser's storage is full: nothing was imported. Free some space (delete a dataset, or site data of other sites) and try again.";

/** True for the errors IndexedDB (and Dexie) raise when the storage quota is reached. */
export function isQuotaError(error: unknown): boolean {
  if (!error || typeof error !== 'object') return false;
  const e = error as { name?: string; message?: string; inner?: unknown; failures?: unknown[] };
  if (e.name === 'QuotaExceededError') return true;
  if (e.inner && isQuotaError(e.inner)) return true;
  if (Array.isArray(e.failures) && e.failures.some(isQuotaError)) return true;
  return /quota/i.test(e.message ?? '') && /exceed|full/i.test(e.message ?? '');
}

/**
 * The stored ACLED dataset sharing the most event ids with an ACLED import, with how
 * many rows would be updated and added; null when none shares any (or not ACLED).
 */
export async function findMergeTarget(db: IncidentDatabase, parsed: ParsedImport): Promise<MergePreview | null> {
  if (parsed.format !== 'acled' || !parsed.events || parsed.events.length === 0) return null;
  const incoming = new Set(batchKeys(parsed.events));
  const candidates = (await db.datasets.toArray()).filter((d) => d.format === 'acled' && (d.eventCount ?? 0) > 0);
  let best: MergePreview | null = null;
  for (const d of candidates) {
    let overlap = 0;
    await db.eventKeys
      .where('datasetId')
      .equals(d.id)
      .each((record) => {
        if (record.keys === '') return;
        for (const key of record.keys.split(FIELD_SEPARATOR)) if (incoming.has(key)) overlap++;
      });
    if (overlap > 0 && (!best || overlap > best.updated)) best = { datasetId: d.id, name: d.name, updated: overlap, added: incoming.size - overlap };
  }
  return best;
}

export interface CommitOptions {
  /** Name of a new dataset (default: the file name without extension). Ignored by a merge unless given. */
  name?: string | undefined;
  /** Merge the events into this stored ACLED dataset (see findMergeTarget). */
  mergeInto?: string | null | undefined;
  /** Aborting before the transaction commits rolls it back. */
  signal?: AbortSignal | undefined;
  now?: Date;
  chunkRows?: number;
}

const allTables = (db: IncidentDatabase) => [db.datasets, db.eventChunks, db.eventText, db.eventKeys, db.eventSearch, db.incidents, db.places, db.sources];

/** Writes one parsed import, all or nothing. */
export async function commitImport(db: IncidentDatabase, parsed: ParsedImport, options: CommitOptions = {}): Promise<CommitResult> {
  const now = (options.now ?? new Date()).toISOString();
  const chunkRows = options.chunkRows ?? EVENT_CHUNK_ROWS;
  if (parsed.restore) return commitRestore(db, parsed.restore, parsed.fileName, options.signal);
  const checkCancel = () => {
    if (options.signal?.aborted) throw new ImportCancelled();
  };
  checkCancel();
  try {
    return await db.transaction('rw', allTables(db), async () => {
      let datasetId = parsed.datasetId;
      let batch: EventBatch | null = parsed.events && parsed.events.length > 0 ? parsed.events : null;
      let existing: DatasetRecord | undefined;
      let mergeCounts: { updated: number; added: number } | null = null;

      if (options.mergeInto) {
        existing = await db.datasets.get(options.mergeInto);
        if (!existing || existing.format !== 'acled')
          throw new ImportError('The dataset to merge into is gone (deleted in another tab?): nothing was imported. Import the file again.', 'merge-target-gone', {});
        if (!batch) throw new ImportError(`${parsed.fileName} has no events to merge.`, 'no-events-to-merge', { file: parsed.fileName });
        datasetId = existing.id;
        // A merge rewrites the whole dataset: what was written while the file was read goes.
        if (parsed.staged) for (const table of [db.eventChunks, db.eventText, db.eventKeys, db.eventSearch]) await table.where('datasetId').equals(parsed.datasetId).delete();
        const [chunks, keys, texts] = await Promise.all([
          db.eventChunks.where('datasetId').equals(datasetId).toArray(),
          db.eventKeys.where('datasetId').equals(datasetId).toArray(),
          db.eventText.where('datasetId').equals(datasetId).toArray(),
        ]);
        const merged = mergeBatches(batchFromRecords(chunks, keys, texts, existing.eventTypes ?? []), batch);
        batch = merged.batch;
        mergeCounts = { updated: merged.updated, added: merged.added };
        checkCancel();
        await db.eventChunks.where('datasetId').equals(datasetId).delete();
        await db.eventText.where('datasetId').equals(datasetId).delete();
        await db.eventKeys.where('datasetId').equals(datasetId).delete();
        await db.eventSearch.where('datasetId').equals(datasetId).delete();
      } else if (await db.datasets.get(datasetId)) {
        throw new ImportError(`A dataset with the id ${datasetId} already exists: nothing was imported.`, 'dataset-exists', { id: datasetId });
      }

      // Written while the file was read (staged-events.ts): this transaction only publishes them.
      const staged = !existing && parsed.staged ? parsed.staged : null;
      if (staged && (await db.eventChunks.where('datasetId').equals(datasetId).count()) !== staged.chunks)
        throw new ImportError(`The rows of ${parsed.fileName} written while it was read are gone (removed from another tab?): nothing was imported. Import the file again.`, 'staged-gone', { file: parsed.fileName });
      const records = batch && !staged ? buildEventRecords(batch, datasetId, chunkRows) : null;
      checkCancel();
      if (records) {
        // The map's columns first, then ids, then the text (the bulk of the bytes).
        await db.eventChunks.bulkAdd(records.chunks);
        checkCancel();
        await db.eventKeys.bulkAdd(records.keys);
        checkCancel();
        await db.eventText.bulkAdd(records.texts);
        checkCancel();
        await db.eventSearch.put(searchRecord(datasetId, indexBatch(batch!, records.order)));
        checkCancel();
      }
      if (parsed.places.length > 0) await db.places.bulkAdd(parsed.places.map((p) => ({ ...p, datasetId })));
      if (parsed.sources.length > 0) await db.sources.bulkAdd(parsed.sources.map((s) => ({ ...s, datasetId })));
      if (parsed.incidents.length > 0) await db.incidents.bulkAdd(parsed.incidents.map((i) => ({ ...i, datasetId })));
      checkCancel();

      const eventCount = batch?.length ?? 0;
      const arcCount = countOrigins(batch?.originLon ?? null, eventCount);
      const dataset: DatasetRecord = {
        ...(existing ?? {
          id: datasetId,
          kind: 'import' as const,
          name: options.name?.trim() || defaultDatasetName(parsed.fileName),
          version: now.slice(0, 10),
          loadedAt: now,
          visible: true,
        }),
        ...(existing && options.name?.trim() ? { name: options.name.trim() } : {}),
        hash: `${parsed.fileName}:${parsed.fileSize}:${parsed.rowsRead}`,
        format: parsed.format,
        fileName: parsed.fileName,
        encoding: parsed.encoding.encoding,
        incidentCount: (existing?.incidentCount ?? 0) + parsed.incidents.length,
        eventCount,
        eventTypes: batch?.eventTypes ?? [],
        eventChunkRows: chunkRows,
        arcCount,
        rejectedCount: parsed.rejectedCount,
        updatedAt: now,
      };
      if (parsed.arcPlaces.length > 0) dataset.arcPlaces = parsed.arcPlaces;
      const dayRange = records?.dayRange ?? staged?.dayRange;
      if (dayRange) dataset.eventDayRange = dayRange;
      else delete dataset.eventDayRange;
      await db.datasets.put(dataset);
      return {
        datasetId,
        name: dataset.name,
        merged: existing !== undefined,
        events: eventCount,
        arcs: arcCount,
        incidents: parsed.incidents.length,
        places: parsed.places.length,
        ...(mergeCounts ?? {}),
      };
    });
  } catch (error) {
    if (error instanceof ImportCancelled || error instanceof ImportError) throw error;
    if (isQuotaError(error)) throw new ImportError(QUOTA_MESSAGE, 'storage-full', {});
    const message = error instanceof Error ? error.message : String(error);
    throw new ImportError(`Could not save ${parsed.fileName}: ${message}. Nothing was imported.`, 'save-failed', { file: parsed.fileName, detail: message });
  }
}
