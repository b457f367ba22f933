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
}
