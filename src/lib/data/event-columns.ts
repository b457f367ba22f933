/**
 * Imported events held as columns (typed arrays) rather than one object per row, so
 * a million ACLED rows load, filter and draw without a million objects. Rows of one
 * dataset are sorted by `day`, which lets a date range be counted by binary search.
 * The text of each row (notes, actors, source...) is stored apart, in chunks, and read
 * only when a user opens an event.
 */
export interface EventColumns {
  datasetId: string;
  length: number;
  /** Days since TIME_ORIGIN (src/lib/timeline/incident-time.ts), ascending. */
  day: Float32Array;
  lon: Float32Array;
  lat: Float32Array;
  /** Index into `eventTypes` (ACLED event_type or the importer's kind). */
  eventType: Uint8Array;
  eventTypes: string[];
  /** Reported fatalities, -1 when not given. */
  fatalities: Int32Array;
  /**
   * Where each row was launched from, when the file gave an origin: the row is then an arc
   * from (originLon, originLat) to (lon, lat); NaN for a row without one (a point). Null
   * when no row of the dataset has an origin.
   */
  originLon: Float32Array | null;
  originLat: Float32Array | null;
  /** Rows with an origin (drawn as arcs); the others are drawn as dots or a density image. */
  arcCount: number;
}

/** The text of one imported event, read on demand for its details. */
export interface EventText {
  /** event_id_cnty for ACLED rows, or the importer's id. */
  id: string;
  date: string;
  eventType: string;
  subEventType: string;
  actor1: string;
  actor2: string;
  location: string;
  notes: string;
  source: string;
  fatalities: number | null;
  timePrecision: string;
  geoPrecision: string;
  /** The origin's name as the file gave it (an arc's launch area), or ''. */
  origin: string;
  /** The weapon as the file gave it, or ''. */
  weapon: string;
  /** Administrative areas, largest first ("Deir ez-Zor / Al Mayadin"), or '' (ACLED's admin1-3). */
  admin: string;
}

/** Interleaved [lon, lat] positions, the layout deck.gl takes as a binary attribute. */
export function eventPositions(columns: EventColumns): Float32Array {
  const out = new Float32Array(columns.length * 2);
  for (let i = 0; i < columns.length; i++) {
    out[2 * i] = columns.lon[i]!;
    out[2 * i + 1] = columns.lat[i]!;
  }
  return out;
}

/** Index range [from, to) of the rows whose day lies in [fromDay, toDay) (binary search). */
export function dayRangeIndices(columns: EventColumns, fromDay: number, toDay: number): [number, number] {
  return [lowerBound(columns.day, fromDay, columns.length), lowerBound(columns.day, toDay, columns.length)];
}

function lowerBound(values: Float32Array, target: number, length: number): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid]! < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** How many events of each type (by index into eventTypes). */
export function eventTypeCounts(columns: EventColumns): number[] {
  const counts = new Array<number>(columns.eventTypes.length).fill(0);
  for (let i = 0; i < columns.length; i++) {
    const t = columns.eventType[i]!;
    counts[t] = (counts[t] ?? 0) + 1;
  }
  return counts;
}

/** Rows between two checkpoints of typeCountsBetween. */
export const TYPE_COUNT_BLOCK = 4096;
const typeCheckpoints = new WeakMap<EventColumns, Uint32Array>();

/**
 * Per type, how many of the rows before each multiple of TYPE_COUNT_BLOCK have it: made once
 * per set of columns, (length / TYPE_COUNT_BLOCK + 1) × types numbers (a million rows of 10
 * types: 2,450 numbers).
 */
function checkpointsOf(columns: EventColumns): Uint32Array {
  let table = typeCheckpoints.get(columns);
  if (table) return table;
  const types = Math.max(1, columns.eventTypes.length);
  const blocks = Math.floor(columns.length / TYPE_COUNT_BLOCK) + 1;
  table = new Uint32Array(blocks * types);
  const running = new Uint32Array(types);
  for (let b = 1; b < blocks; b++) {
    const end = b * TYPE_COUNT_BLOCK;
    for (let i = end - TYPE_COUNT_BLOCK; i < end; i++) running[columns.eventType[i]!]! += 1;
    table.set(running, b * types);
  }
  typeCheckpoints.set(columns, table);
  return table;
}

/**
 * How many rows of each type lie in [from, to) (row indices), into `out` (one slot per type,
 * added to). Reads two checkpoints and at most two blocks of rows, however many rows the
 * range holds: the date brush asks this at every move, over a million rows.
 */
export function typeCountsBetween(columns: EventColumns, from: number, to: number, out: Uint32Array): void {
  if (to <= from) return;
  const types = Math.max(1, columns.eventTypes.length);
  const first = Math.ceil(from / TYPE_COUNT_BLOCK);
  const last = Math.floor(to / TYPE_COUNT_BLOCK);
  if (first >= last) {
    for (let i = from; i < to; i++) out[columns.eventType[i]!]! += 1;
    return;
  }
  const table = checkpointsOf(columns);
  for (let t = 0; t < types; t++) out[t]! += table[last * types + t]! - table[first * types + t]!;
  for (let i = from; i < first * TYPE_COUNT_BLOCK; i++) out[columns.eventType[i]!]! += 1;
  for (let i = last * TYPE_COUNT_BLOCK; i < to; i++) out[columns.eventType[i]!]! += 1;
}
