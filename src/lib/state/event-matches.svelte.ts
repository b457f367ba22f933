/**
 * What the search over imported events answered (event-search.svelte.ts asks): per dataset
 * shown, a 0/1 byte per row. The map, the counts and the timeline read `eventSearch.matches`;
 * null means no search (every row shown); a dataset missing from a non-null map has no match yet.
 */
class EventSearchState {
  /** Per dataset id, 1 for each row (sorted by day, as its columns) that matches; null: no search. */
  matches = $state.raw<ReadonlyMap<string, Uint8Array> | null>(null);
  /** A search is being answered (the first over a large dataset reads or builds its index). */
  busy = $state(false);
  error = $state<string | null>(null);
}

export const eventSearch = new EventSearchState();
