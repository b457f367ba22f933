/**
 * The rows of a dataset that the search over imported events matched, as the map's layers
 * (deck.gl and the canvas without WebGL) read them.
 */
import type { EventColumns } from '../data/event-columns';

const noMatches = new WeakMap<EventColumns, Uint8Array>();
/**
 * A dataset's rows matching the search over imported events (state/event-matches.svelte.ts):
 * null when there is no search; no row (zeros) when the search has not answered for it yet.
 */
export function matchOf(columns: EventColumns, matches: ReadonlyMap<string, Uint8Array> | null): Uint8Array | null {
  if (!matches) return null;
  const match = matches.get(columns.datasetId);
  if (match && match.length === columns.length) return match;
  let none = noMatches.get(columns);
  if (!none) noMatches.set(columns, (none = new Uint8Array(columns.length)));
  return none;
}

const serials = new WeakMap<Uint8Array, number>();
let nextSerial = 1;
/** A number naming a set of matches (0: none), for cache keys and deck.gl's update triggers. */
export function matchSerial(match: Uint8Array | null): number {
  if (!match) return 0;
  let serial = serials.get(match);
  if (serial === undefined) serials.set(match, (serial = nextSerial++));
  return serial;
}
