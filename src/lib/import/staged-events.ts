/**
 * Writing an import while its file is read (issue 22). Each block of the rows' text goes into
 * storage as soon as the parser completes it, then the columns and ids once the rows are sorted
 * by day, all under the new dataset's id but with no dataset record: nothing reads them (every
 * reader starts from the datasets store) until the commit's one small transaction writes that
 * record. A failure or a cancel deletes them; a closed tab or a stopped worker leaves them, and
 * the page removes them after a stop and at the next start (src/lib/data/unpublished-events.ts),
 * unless an import still holds them: each staged dataset is held by a Web Lock while its import runs.
 */
import { chunkRecordId, EVENT_CHUNK_ROWS } from '../data/event-store';
import { deleteStaged, lockManager, stagingLockName } from '../data/unpublished-events';
import type { IncidentDatabase } from '../data/db';
import type { EventBatch, TextBlockSink } from './event-batch';
import { buildEventRecords } from './event-records';
import { isQuotaError, QUOTA_MESSAGE } from './commit-import';
import { ImportError } from './import-errors';
import type { SearchIndexer } from '../search/search-indexer';
import { indexBatch, searchRecord } from '../search/event-search-record';

export class StagedEvents {
  #writes: Promise<unknown>[] = [];
  #failure: unknown = null;
  #highestBlock = -1;
  #release: (() => void) | null = null;

  constructor(
    private readonly db: IncidentDatabase,
    readonly datasetId: string,
    private readonly chunkRows = EVENT_CHUNK_ROWS,
    /** Builds the search index from the blocks as they come (search-indexer.ts); null: from the rows at the end. */
    private readonly indexer: SearchIndexer | null = null,
  ) {}

  /** Takes the lock on this dataset's staged events (none where the browser has no Web Locks). */
  async hold(): Promise<void> {
    const locks = lockManager();
    if (!locks || this.#release) return;
    await new Promise<void>((acquired) => {
      void locks.request(stagingLockName(this.db.name, this.datasetId), () => {
        acquired();
        return new Promise<void>((release) => (this.#release = release));
      });
    });
  }

  /** For the parser: writes each text block as it completes (a second reading overwrites from block 0). */
  readonly text: TextBlockSink = (index, text, rowStart) => {
    this.#highestBlock = Math.max(this.#highestBlock, index);
    this.indexer?.addBlock(index, text, rowStart);
    const record = { id: chunkRecordId(this.datasetId, index), datasetId: this.datasetId, chunkIndex: index, length: rowStart.length - 1, text, rowStart };
    this.#writes.push(this.db.eventText.put(record).catch((error: unknown) => (this.#failure ??= error)));
  };

  /**
   * Once the file is read: waits for the text writes, drops blocks a first reading left beyond
   * the last one, and writes the columns and ids (sorted by day) in one transaction.
   */
  async finish(batch: EventBatch | null, fileName: string): Promise<{ chunks: number; dayRange: [number, number] | null }> {
    try {
      return await this.#finish(batch);
    } catch (error) {
      if (isQuotaError(error)) throw new ImportError(QUOTA_MESSAGE, 'storage-full', {});
      const detail = error instanceof Error ? error.message : String(error);
      throw new ImportError(`Could not save ${fileName}: ${detail}. Nothing was imported.`, 'save-failed', { file: fileName, detail });
    }
  }

  async #finish(batch: EventBatch | null): Promise<{ chunks: number; dayRange: [number, number] | null }> {
    await Promise.all(this.#writes);
    this.#writes = [];
    if (this.#failure) throw this.#failure;
    const blocks = batch?.blocks.length ?? 0;
    if (this.#highestBlock >= blocks) {
      const extra = Array.from({ length: this.#highestBlock - blocks + 1 }, (_, i) => chunkRecordId(this.datasetId, blocks + i));
      await this.db.eventText.bulkDelete(extra);
    }
    if (!batch || batch.length === 0) return { chunks: 0, dayRange: null };
    // A parser that hands no blocks over while reading (GeoJSON, the app's JSON): its text goes now.
    const streamed = this.#highestBlock >= 0;
    const records = buildEventRecords(batch, this.datasetId, this.chunkRows, { texts: !streamed });
    // The search index: built beside the parser from the blocks it read, else (or if that worker
    // failed) from the rows now.
    let index = streamed && this.indexer ? await this.indexer.finish(records.order).catch(() => null) : null;
    if (!index || index.rows !== batch.length) index = indexBatch(batch, records.order);
    this.indexer?.dispose();
    const search = searchRecord(this.datasetId, index);
    await this.db.transaction('rw', [this.db.eventChunks, this.db.eventKeys, this.db.eventText, this.db.eventSearch], async () => {
      await this.db.eventChunks.bulkPut(records.chunks);
      await this.db.eventKeys.bulkPut(records.keys);
      if (records.texts.length > 0) await this.db.eventText.bulkPut(records.texts);
      await this.db.eventSearch.put(search);
    });
    return { chunks: records.chunks.length, dayRange: records.dayRange };
  }

  /** Deletes what was staged (after a failure or a cancel), then lets go of the lock. */
  async discard(): Promise<void> {
    this.indexer?.dispose();
    await Promise.allSettled(this.#writes);
    try {
      await deleteStaged(this.db, [this.datasetId]);
    } finally {
      this.release();
    }
  }

  /** Lets go of the lock (after the commit published the dataset, or after a discard). */
  release(): void {
    this.#release?.();
    this.#release = null;
  }
}

