/**
 * Imported point events (ACLED rows, GeoJSON points, CSV rows without an origin) as
 * stored in IndexedDB: chunks of columns, one record per chunk rather than one per
 * row, so a million rows are a few dozen records (docs/IMPORT.md, "Storage").
 *
 * - `eventChunks`: the numeric columns of up to `eventChunkRows` rows (typed arrays,
 *   cloned into IndexedDB as raw bytes). This is all the map needs: read on every load.
 * - `eventText`: the rows' text in blocks of file order, read only when a user opens an event.
 * - `eventKeys`: per column chunk, the rows' ids and where their text is; read by
 *   readEventText and by a re-import that merges.
 *
 * Rows are sorted by day across the whole dataset: chunk 0 holds the earliest.
 */
import type { DatasetRecord, EventChunkRecord, EventKeyRecord, EventTextRecord, IncidentDatabase } from './db';
import type { EventColumns, EventText } from './event-columns';

/** Separator of fields inside a row of EventTextRecord.text (and of keys). */
export const FIELD_SEPARATOR = '\u001f';

/** Order of the text fields of a row. `fatalities` lives in the numeric columns. */
export const TEXT_FIELDS = [
  'id',
  'date',
  'eventType',
  'subEventType',
  'actor1',
  'actor2',
  'location',
  'notes',
  'source',
  'timePrecision',
  'geoPrecision',
  // Added with arcs: rows stored before have 11 fields and read '' here.
  'origin',
  'weapon',
  // Added with search (issue 22): ACLED's admin1-3, "Deir ez-Zor / Al Mayadin / Thiban"; '' before.
  'admin',
] as const satisfies readonly (keyof EventText)[];
export type TextField = (typeof TEXT_FIELDS)[number];

/** Rows per stored chunk. */
export const EVENT_CHUNK_ROWS = 50_000;

export function chunkRecordId(datasetId: string, chunkIndex: number): string {
  return `${datasetId}:${chunkIndex}`;
}

function byChunkIndex<T extends { chunkIndex: number }>(a: T, b: T): number {
  return a.chunkIndex - b.chunkIndex;
}

/** How many of the first `length` launch longitudes are given (not NaN): the rows that are arcs. */
export function countOrigins(originLon: Float32Array | null, length = originLon?.length ?? 0): number {
  if (!originLon) return 0;
  let n = 0;
  for (let i = 0; i < length; i++) if (originLon[i] === originLon[i]) n++;
  return n;
}

/** The columns of the stored chunks, concatenated in order (no per-row work). */
export function concatEventChunks(datasetId: string, chunks: readonly EventChunkRecord[], eventTypes: string[]): EventColumns {
  const sorted = [...chunks].sort(byChunkIndex);
  const length = sorted.reduce((n, c) => n + c.length, 0);
  const withOrigin = sorted.some((c) => c.originLon !== undefined);
  const columns: EventColumns = {
    datasetId,
    length,
    day: new Float32Array(length),
    lon: new Float32Array(length),
    lat: new Float32Array(length),
    eventType: new Uint8Array(length),
    eventTypes,
    fatalities: new Int32Array(length),
    originLon: withOrigin ? new Float32Array(length).fill(NaN) : null,
    originLat: withOrigin ? new Float32Array(length).fill(NaN) : null,
    arcCount: 0,
  };
  let at = 0;
  for (const c of sorted) {
    columns.day.set(c.day.subarray(0, c.length), at);
    columns.lon.set(c.lon.subarray(0, c.length), at);
    columns.lat.set(c.lat.subarray(0, c.length), at);
    columns.eventType.set(c.eventType.subarray(0, c.length), at);
    columns.fatalities.set(c.fatalities.subarray(0, c.length), at);
    if (c.originLon && c.originLat) {
      columns.originLon!.set(c.originLon.subarray(0, c.length), at);
      columns.originLat!.set(c.originLat.subarray(0, c.length), at);
    }
    at += c.length;
  }
  columns.arcCount = countOrigins(columns.originLon);
  return columns;
}

/** Every event of a dataset as columns, sorted by day. Empty columns when it has none. */
export async function readEventColumns(db: IncidentDatabase, datasetId: string): Promise<EventColumns> {
  return db.transaction('r', [db.datasets, db.eventChunks], async () => {
    const dataset = await db.datasets.get(datasetId);
    const chunks = await db.eventChunks.where('datasetId').equals(datasetId).toArray();
    return concatEventChunks(datasetId, chunks, dataset?.eventTypes ?? []);
  });
}

/** The columns of every visible dataset that holds events. */
export async function readVisibleEventColumns(db: IncidentDatabase): Promise<EventColumns[]> {
  return db.transaction('r', [db.datasets, db.eventChunks], async () => {
    const datasets = (await db.datasets.toArray()).filter((d: DatasetRecord) => d.visible && (d.eventCount ?? 0) > 0);
    const out: EventColumns[] = [];
    for (const d of datasets) {
      const chunks = await db.eventChunks.where('datasetId').equals(d.id).toArray();
      out.push(concatEventChunks(d.id, chunks, d.eventTypes ?? []));
    }
    return out;
  });
}

/** The text of row `index` of a text block (fields joined by FIELD_SEPARATOR). */
export function textRow(record: EventTextRecord, index: number): string {
  const start = record.rowStart[index];
  const next = record.rowStart[index + 1];
  if (start === undefined || next === undefined) throw new RangeError(`row ${index} is not in text block ${record.chunkIndex}`);
  return record.text.slice(start, next - 1);
}

/** Splits row `index` of a text block into its fields. */
export function decodeTextRow(record: EventTextRecord, index: number): Record<TextField, string> {
  const parts = textRow(record, index).split(FIELD_SEPARATOR);
  const row = {} as Record<TextField, string>;
  TEXT_FIELDS.forEach((field, i) => (row[field] = parts[i] ?? ''));
  return row;
}

/**
 * The text of the event at `row` (its index in readEventColumns' arrays). Strings
 * only: render them as text, never as HTML (imported notes may hold markup).
 */
export async function readEventText(db: IncidentDatabase, datasetId: string, row: number): Promise<EventText> {
  return db.transaction('r', [db.datasets, db.eventText, db.eventChunks, db.eventKeys], async () => {
    const dataset = await db.datasets.get(datasetId);
    if (!dataset) throw new Error(`no dataset ${datasetId}`);
    const chunkRows = dataset.eventChunkRows ?? EVENT_CHUNK_ROWS;
    if (!Number.isInteger(row) || row < 0 || row >= (dataset.eventCount ?? 0)) throw new RangeError(`no event ${row} in dataset ${datasetId}`);
    const chunkIndex = Math.floor(row / chunkRows);
    const index = row - chunkIndex * chunkRows;
    const [keys, chunk] = await Promise.all([
      db.eventKeys.get(chunkRecordId(datasetId, chunkIndex)),
      db.eventChunks.get(chunkRecordId(datasetId, chunkIndex)),
    ]);
    if (!keys || !chunk) throw new Error(`event chunk ${chunkIndex} of ${datasetId} is missing`);
    const block = keys.textBlock[index]!;
    const text = await db.eventText.get(chunkRecordId(datasetId, block));
    if (!text) throw new Error(`event text block ${block} of ${datasetId} is missing`);
    const fields = decodeTextRow(text, keys.textIndex[index]!);
    const fatalities = chunk.fatalities[index] ?? -1;
    return { ...fields, fatalities: fatalities < 0 ? null : fatalities };
  });
}

/**
 * One row's text fields in TEXT_FIELDS order, filled by name into one reused array (no
 * object per row: the importer fills a million of these). `count` fields are kept: ACLED
 * rows stop before `origin` and `weapon`, which only files with arcs have.
 */
export class EventTextRow {
  readonly fields: string[];
  constructor(count: number = TEXT_FIELDS.length) {
    this.fields = new Array<string>(count).fill('');
  }
  /** Empties every field, then sets those given. */
  fill(values: Partial<Record<TextField, string>>): readonly string[] {
    const { fields } = this;
    for (let i = 0; i < fields.length; i++) fields[i] = values[TEXT_FIELDS[i]!] ?? '';
    return fields;
  }
}
