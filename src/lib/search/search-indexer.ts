/**
 * Where an import's search index is built while its file is read: in a worker of its own
 * (started by the import worker, so that it runs beside the parser on another core), or
 * in the calling thread where there are no nested workers (Node: the tests, the command
 * line). Both take the text blocks as the parser completes them, in order; block 0 given
 * again means the file is being read again (another encoding) and starts the index over.
 */
import { EventSearchIndexBuilder, type EventSearchIndex } from './event-search-index';

export interface SearchIndexer {
  addBlock(index: number, text: string, rowStart: Uint32Array): void;
  /** The index, its rows mapped by `order` (stored row -> row given). */
  finish(order: Uint32Array | null): Promise<EventSearchIndex>;
  /** Stops it (cancel, failure, or done). */
  dispose(): void;
}

export class InlineIndexer implements SearchIndexer {
  private builder = new EventSearchIndexBuilder();
  addBlock(index: number, text: string, rowStart: Uint32Array): void {
    if (index === 0 && this.builder.rows > 0) this.builder.reset();
    this.builder.addBlock(text, rowStart);
  }
  finish(order: Uint32Array | null): Promise<EventSearchIndex> {
    return Promise.resolve(this.builder.finish(order));
  }
  dispose(): void {
    this.builder = new EventSearchIndexBuilder();
  }
}

/** Messages to and from search-index-worker.ts. */
export type ToIndexWorker = { type: 'block'; index: number; text: string; rowStart: Uint32Array } | { type: 'finish'; order: Uint32Array | null };
export type FromIndexWorker = { type: 'index'; index: EventSearchIndex } | { type: 'error'; message: string };

interface IndexWorkerLike {
  postMessage(message: ToIndexWorker, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent<FromIndexWorker>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  terminate(): void;
}

export class WorkerIndexer implements SearchIndexer {
  constructor(private readonly worker: IndexWorkerLike) {}
  addBlock(index: number, text: string, rowStart: Uint32Array): void {
    // The text is copied (strings cannot be transferred); the parser keeps its rowStart.
    this.worker.postMessage({ type: 'block', index, text, rowStart });
  }
  finish(order: Uint32Array | null): Promise<EventSearchIndex> {
    return new Promise((resolve, reject) => {
      this.worker.onmessage = (event) => (event.data.type === 'index' ? resolve(event.data.index) : reject(new Error(event.data.message)));
      this.worker.onerror = (event) => reject(new Error(event.message || 'the search index worker failed'));
      this.worker.postMessage({ type: 'finish', order: order ? order.slice() : null });
    });
  }
  dispose(): void {
    this.worker.terminate();
  }
}
