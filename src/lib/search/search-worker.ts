/**
 * The search worker: answers searches over imported events off the page's thread
 * (event-search-service.ts holds the logic). Started by the page at the first search.
 */
import { IncidentDatabase } from '../data/db';
import { createSearchService, type SearchAnswer, type SearchRequest } from './event-search-service';

const scope = self as unknown as {
  postMessage(message: SearchAnswer, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent<SearchRequest>) => void) | null;
};

const search = createSearchService((name) => new IncidentDatabase(name));
/** Only the latest request is answered: a query typed over a slow one does not queue behind it. */
let latest = 0;
let running: Promise<void> = Promise.resolve();

scope.onmessage = (event) => {
  const request = event.data;
  latest = request.id;
  running = running.then(async () => {
    if (request.id !== latest) return;
    const answer = await search(request);
    scope.postMessage(answer, answer.type === 'result' ? answer.matches.map((m) => m.mask.buffer) : []);
  });
};
