/**
 * The search over imported events (issue 22): the query the analyst typed (filterState.query,
 * the same box as the incidents' search) asked of the search worker (src/lib/search/); its
 * answer goes into event-matches.svelte.ts.
 * Each answer is timed in the page: a `performance` measure named 'event-search' (the benchmark reads it).
 */
import type { SearchAnswer, SearchRequest } from '../search/event-search-service';
import { app } from './app-state.svelte';
import { openDatabase } from './database';
import { filterState } from './filter-state.svelte';
import { eventSearch } from './event-matches.svelte';

/** Typing waits this long for the next key before asking. */
const DEBOUNCE_MS = 150;

interface WorkerLike {
  postMessage(message: SearchRequest): void;
  onmessage: ((event: MessageEvent<SearchAnswer>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

let worker: WorkerLike | null = null;
let lastId = 0;

function searchWorker(): WorkerLike {
  if (worker) return worker;
  const started = new Worker(new URL('../search/search-worker.ts', import.meta.url), { type: 'module', name: 'search' }) as unknown as WorkerLike;
  started.onmessage = (event) => answered(event.data);
  started.onerror = (event) => {
    eventSearch.busy = false;
    eventSearch.error = event.message || 'search failed';
  };
  return (worker = started);
}

function answered(answer: SearchAnswer): void {
  if (answer.id !== lastId) return;
  eventSearch.busy = false;
  if (answer.type === 'error') {
    eventSearch.error = answer.message;
    console.error('search failed:', answer.message);
    return;
  }
  eventSearch.error = null;
  // Masks of the rows shown now only: a dataset re-read meanwhile is searched again.
  const lengths = new Map(app.eventColumns.map((c) => [c.datasetId, c.length] as const));
  eventSearch.matches = new Map(answer.matches.filter((m) => lengths.get(m.datasetId) === m.mask.length).map((m) => [m.datasetId, m.mask] as const));
  performance.measure('event-search', {
    start: `event-search:${answer.id}`,
    detail: { query: answer.query, searchMs: answer.searchMs, loadMs: answer.loadMs, built: answer.built, matches: answer.matches.reduce((n, m) => n + m.count, 0) },
  });
  performance.clearMarks(`event-search:${answer.id}`);
}

function ask(query: string): void {
  const db = openDatabase();
  if (!db) {
    eventSearch.busy = false;
    return;
  }
  const versions = new Map(app.datasets.map((d) => [d.id, d.updatedAt ?? d.loadedAt] as const));
  const request: SearchRequest = {
    type: 'search',
    id: ++lastId,
    dbName: db.name,
    query,
    datasets: app.eventColumns.filter((c) => c.length > 0).map((c) => ({ id: c.datasetId, version: versions.get(c.datasetId) ?? '', rows: c.length })),
  };
  performance.mark(`event-search:${request.id}`);
  eventSearch.busy = true;
  searchWorker().postMessage(request);
}

/** Asks again whenever the query or the datasets shown change; returns a stop. */
export function watchEventSearch(): () => void {
  return $effect.root(() => {
    $effect(() => {
      const query = filterState.query.trim();
      // Columns are read again after every import, merge, show or hide: then the search runs again.
      const columns = app.eventColumns;
      if (query === '' || columns.length === 0) {
        lastId++;
        eventSearch.busy = false;
        eventSearch.error = null;
        eventSearch.matches = null;
        return;
      }
      // Says "Searching…" at once: the count shown until the answer would be the last query's.
      eventSearch.busy = true;
      const timer = setTimeout(() => ask(query), DEBOUNCE_MS);
      return () => clearTimeout(timer);
    });
  });
}
