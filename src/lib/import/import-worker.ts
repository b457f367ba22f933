/**
 * The import worker: reads, checks and writes an imported file off the page's thread.
 * Created by import-session.ts with
 *   new Worker(new URL('./import-worker.ts', import.meta.url), { type: 'module' })
 * All the logic is in worker-handler.ts (tested in Node); this is the shell.
 */
import { IncidentDatabase } from '../data/db';
import type { FromWorker, ToWorker } from './protocol';
import { createImportHandler } from './worker-handler';
import { InlineIndexer, WorkerIndexer } from '../search/search-indexer';

const scope = self as unknown as {
  postMessage(message: FromWorker): void;
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null;
};

const handle = createImportHandler({
  post: (message) => scope.postMessage(message),
  openDatabase: (name) => new IncidentDatabase(name),
  // The search index is built beside the parser, on another core (src/lib/search/search-index-worker.ts);
  // in this thread where a worker cannot start one.
  createIndexer: () => {
    try {
      return new WorkerIndexer(new Worker(new URL('../search/search-index-worker.ts', import.meta.url), { type: 'module', name: 'search-index' }));
    } catch {
      return new InlineIndexer();
    }
  },
});

scope.onmessage = (event) => {
  void handle(event.data);
};
