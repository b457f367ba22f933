/**
 * Builds an import's search index beside the parser (search-indexer.ts, WorkerIndexer):
 * started by the import worker, given each text block as it is read, and asked for the
 * index once the rows are sorted.
 */
import { InlineIndexer, type FromIndexWorker, type ToIndexWorker } from './search-indexer';

const scope = self as unknown as {
  postMessage(message: FromIndexWorker, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent<ToIndexWorker>) => void) | null;
};

const indexer = new InlineIndexer();

scope.onmessage = (event) => {
  const message = event.data;
  if (message.type === 'block') return indexer.addBlock(message.index, message.text, message.rowStart);
  indexer
    .finish(message.order)
    .then((index) => {
      const transfer: Transferable[] = [index.wordStart.buffer, index.postings.buffer, index.postingStart.buffer];
      if (index.order) transfer.push(index.order.buffer);
      scope.postMessage({ type: 'index', index }, transfer);
    })
    .catch((error: unknown) => scope.postMessage({ type: 'error', message: error instanceof Error ? error.message : String(error) }));
};
