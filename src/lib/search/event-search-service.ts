/**
 * What the search worker does (search-worker.ts is its shell; the tests call this directly):
 * answers a query over the imported events of the datasets shown, with a 0/1 byte per stored
 * row of each. Each dataset's index is read from IndexedDB once and kept while its version
 * stays; a dataset stored without one (before search existed, or restored from a backup) has
 * it built from its stored text, then stored.
 */
import type { IncidentDatabase } from '../data/db';
import { chunkRecordId } from '../data/event-store';
import { EventSearchIndexBuilder, countMatches, searchRows, type EventSearchIndex } from './event-search-index';
import { searchRecord } from './event-search-record';

export interface SearchedDataset {
  id: string;
  /** Changes whenever the dataset's rows do (its updatedAt, else loadedAt). */
  version: string;
  /** Its stored rows. */
  rows: number;
}

export interface SearchRequest {
  type: 'search';
  /** Answers carry it: the page keeps only the latest. */
  id: number;
  dbName: string;
  query: string;
  datasets: SearchedDataset[];
}

export interface DatasetMatches {
  datasetId: string;
  /** 1 for each stored row (sorted by day) that matches. */
  mask: Uint8Array;
  count: number;
}

export type SearchAnswer =
  | { type: 'result'; id: number; query: string; matches: DatasetMatches[]; searchMs: number; loadMs: number; built: string[] }
  | { type: 'error'; id: number; message: string };

/** Builds a dataset's index from its stored text (rows in stored order). */
export async function indexStoredText(db: IncidentDatabase, datasetId: string): Promise<EventSearchIndex> {
  const keys = (await db.eventKeys.where('datasetId').equals(datasetId).toArray()).sort((a, b) => a.chunkIndex - b.chunkIndex);
  // Text blocks are in file order: index them one at a time in that order, then map stored rows to them.
  const builder = new EventSearchIndexBuilder();
  const firstRow: number[] = [];
  for (let block = 0; ; block++) {
    const record = await db.eventText.get(chunkRecordId(datasetId, block));
    if (!record) break;
    firstRow.push(builder.rows);
    builder.addBlock(record.text, record.rowStart);
  }
  const rows = keys.reduce((n, k) => n + k.textBlock.length, 0);
  const order = new Uint32Array(rows);
  let at = 0;
  for (const k of keys) for (let j = 0; j < k.textBlock.length; j++) order[at++] = firstRow[k.textBlock[j]!]! + k.textIndex[j]!;
  return builder.finish(order);
}

export function createSearchService(openDatabase: (name: string) => IncidentDatabase): (request: SearchRequest) => Promise<SearchAnswer> {
  const databases = new Map<string, IncidentDatabase>();
  const indexes = new Map<string, { version: string; index: EventSearchIndex }>();

  async function indexOf(db: IncidentDatabase, dataset: SearchedDataset, built: string[]): Promise<EventSearchIndex> {
    const key = `${db.name}\u001f${dataset.id}`;
    const cached = indexes.get(key);
    if (cached && cached.version === dataset.version && indexRows(cached.index) === dataset.rows) return cached.index;
    let index: EventSearchIndex | undefined = await db.eventSearch.get(dataset.id);
    if (!index || indexRows(index) !== dataset.rows) {
      index = await indexStoredText(db, dataset.id);
      built.push(dataset.id);
      const record = searchRecord(dataset.id, index);
      // Stored only while the dataset is still there as it was read.
      await db.transaction('rw', [db.datasets, db.eventSearch], async () => {
        const stored = await db.datasets.get(dataset.id);
        if (stored && (stored.eventCount ?? 0) === dataset.rows) await db.eventSearch.put(record);
      });
    }
    indexes.set(key, { version: dataset.version, index });
    return index;
  }

  return async (request) => {
    try {
      let db = databases.get(request.dbName);
      if (!db) databases.set(request.dbName, (db = openDatabase(request.dbName)));
      // Indexes of datasets no longer shown are let go (a million rows' index is tens of megabytes).
      const shown = new Set(request.datasets.map((d) => `${request.dbName}\u001f${d.id}`));
      for (const key of indexes.keys()) if (!shown.has(key)) indexes.delete(key);
      const built: string[] = [];
      const loadStart = performance.now();
      const loaded = [];
      for (const dataset of request.datasets) loaded.push({ dataset, index: await indexOf(db, dataset, built) });
      const searchStart = performance.now();
      const matches: DatasetMatches[] = [];
      for (const { dataset, index } of loaded) {
        const mask = searchRows(index, request.query) ?? new Uint8Array(dataset.rows).fill(1);
        matches.push({ datasetId: dataset.id, mask, count: countMatches(mask) });
      }
      const done = performance.now();
      return { type: 'result', id: request.id, query: request.query, matches, searchMs: done - searchStart, loadMs: searchStart - loadStart, built };
    } catch (error) {
      return { type: 'error', id: request.id, message: error instanceof Error ? error.message : String(error) };
    }
  };
}

/** Stored rows an index answers for. */
function indexRows(index: EventSearchIndex): number {
  return index.order ? index.order.length : index.rows;
}
