/** An import's search index as stored (db.ts, EventSearchRecord), and built from a batch of rows. */
import type { EventSearchRecord } from '../data/db';
import type { EventBatch } from '../import/event-batch';
import { EventSearchIndexBuilder, type EventSearchIndex } from './event-search-index';

export function searchRecord(datasetId: string, index: EventSearchIndex): EventSearchRecord {
  return { id: datasetId, datasetId, ...index };
}

/** The index of a batch's rows (in batch order), `order` mapping stored rows to them. */
export function indexBatch(batch: EventBatch, order: Uint32Array | null): EventSearchIndex {
  const builder = new EventSearchIndexBuilder();
  for (let i = 0; i < batch.length; i++) builder.addRow(batch.blocks[batch.block[i]!]!, batch.start[i]!, batch.end[i]!);
  return builder.finish(order);
}
