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
}
