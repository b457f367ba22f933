/**
 * Point events being imported, held as growing columns (no object per row), then
 * sorted by day and cut into the records of src/lib/data/event-store.ts. The rows'
 * text is gathered into a few big strings (blocks) while the file is read, in file
 * order, and stored as such: sorting moves only numbers, never text. Also merges a
 * re-imported ACLED file into the rows already stored, by id.
 */
import {
  chunkRecordId,
  EVENT_CHUNK_ROWS,
  FIELD_SEPARATOR,
  TEXT_FIELDS,
  type EventChunkRecord,
  type EventKeyRecord,
  type EventTextRecord,
} from '../data/event-store';

/** Event types beyond this many share the last index, "Other". */
export const MAX_EVENT_TYPES = 256;
export const OTHER_EVENT_TYPE = 'Other';
/** A text block is closed when it passes this many characters. */
const BLOCK_CHARS = 4_000_000;

export interface EventBatch {
  length: number;
  day: Float32Array;
  lon: Float32Array;
  lat: Float32Array;
  eventType: Uint8Array;
  fatalities: Int32Array;
  /** Launch points of rows that are arcs, NaN for points; null when no row has one. */
  originLon: Float32Array | null;
  originLat: Float32Array | null;
  eventTypes: string[];
  /**
   * The rows' text: row i is blocks[block[i]].slice(start[i], end[i]), its fields in
   * TEXT_FIELDS order joined by FIELD_SEPARATOR (the first is the row's id). The rows
   * of a block are consecutive rows of the batch, joined by FIELD_SEPARATOR too.
   */
  blocks: string[];
  block: Uint32Array;
  start: Uint32Array;
  end: Uint32Array;
}

/** The text of row i (fields joined by FIELD_SEPARATOR). */
export function rowText(batch: EventBatch, i: number): string {
  return batch.blocks[batch.block[i]!]!.slice(batch.start[i], batch.end[i]);
}

/** The id of row i (event_id_cnty for ACLED). */
export function rowKey(batch: EventBatch, i: number): string {
  const block = batch.blocks[batch.block[i]!]!;
  const start = batch.start[i]!;
  const end = batch.end[i]!;
  const cut = block.indexOf(FIELD_SEPARATOR, start);
  return block.slice(start, cut < 0 || cut > end ? end : cut);
}

export function batchKeys(batch: EventBatch): string[] {
  const keys = new Array<string>(batch.length);
  for (let i = 0; i < batch.length; i++) keys[i] = rowKey(batch, i);
  return keys;
}

const SEPARATOR_PATTERN = /[\u001e\u001f]/g;

/** A field as stored: the separator characters (never meaningful in a CSV) become spaces. */
export function cleanField(value: string): string {
  return hasSeparator(value) ? value.replace(SEPARATOR_PATTERN, ' ') : value;
}

/** True when a text holds one of the separator characters (then fields must be cleaned). */
export function hasSeparator(text: string): boolean {
  return text.indexOf('\u001f') >= 0 || text.indexOf('\u001e') >= 0;
}

type Column = Float32Array | Uint8Array | Int32Array | Uint32Array;

function grown<T extends Column>(a: T, capacity: number): T {
  const b = new (a.constructor as new (n: number) => T)(capacity);
  b.set(a);
  return b;
}

/**
 * Collects row texts into blocks. Pieces are kept as given (often views into the CSV
 * parser's input) until `flush`, which joins them into one flat string, letting the
 * parser's strings go.
 */
class TextBlocks {
  readonly blocks: string[] = [];
  private pending: string[] = [];
  private length = 0;

  /** Adds one row given as its fields; returns where it will be: [block, start, end]. */
  addFields(fields: readonly string[], count: number, clean: boolean): [number, number, number] {
    const start = this.length;
    let chars = count - 1;
    for (let f = 0; f < count; f++) {
      const value = clean ? cleanField(fields[f] ?? '') : (fields[f] ?? '');
      chars += value.length;
      this.pending.push(value);
    }
    return this.close(start, chars);
  }

  /** Adds one row given as its joined text. */
  addRow(text: string): [number, number, number] {
    const start = this.length;
    this.pending.push(text);
    return this.close(start, text.length);
  }

  private close(start: number, chars: number): [number, number, number] {
    const block = this.blocks.length;
    const end = start + chars;
    this.length = end + 1;
    if (this.length > BLOCK_CHARS) this.flush();
    return [block, start, end];
  }

  flush(): void {
    if (this.pending.length === 0) return;
    this.blocks.push(this.pending.join(FIELD_SEPARATOR));
    this.pending = [];
    this.length = 0;
  }
}

export class EventAccumulator {
  length = 0;
  /** Set when the input holds separator characters: fields are then cleaned one by one. */
  cleanFields = false;
  private capacity: number;
  private day: Float32Array;
  private lon: Float32Array;
  private lat: Float32Array;
  private eventType: Uint8Array;
  private fatalities: Int32Array;
  /** Made at the first row with an origin (earlier rows: NaN). */
  private originLon: Float32Array | null = null;
  private originLat: Float32Array | null = null;
  private block: Uint32Array;
  private start: Uint32Array;
  private end: Uint32Array;
  private readonly text = new TextBlocks();
  private readonly typeIndex = new Map<string, number>();
  private readonly eventTypes: string[] = [];

  constructor(capacity = 4096) {
    this.capacity = Math.max(16, capacity);
    this.day = new Float32Array(this.capacity);
    this.lon = new Float32Array(this.capacity);
    this.lat = new Float32Array(this.capacity);
    this.eventType = new Uint8Array(this.capacity);
    this.fatalities = new Int32Array(this.capacity);
    this.block = new Uint32Array(this.capacity);
    this.start = new Uint32Array(this.capacity);
    this.end = new Uint32Array(this.capacity);
  }

  private grow(): void {
    const capacity = this.capacity * 2;
    this.day = grown(this.day, capacity);
    this.lon = grown(this.lon, capacity);
    this.lat = grown(this.lat, capacity);
    this.eventType = grown(this.eventType, capacity);
    this.fatalities = grown(this.fatalities, capacity);
    if (this.originLon && this.originLat) {
      this.originLon = grown(this.originLon, capacity).fill(NaN, this.capacity);
      this.originLat = grown(this.originLat, capacity).fill(NaN, this.capacity);
    }
    this.block = grown(this.block, capacity);
    this.start = grown(this.start, capacity);
    this.end = grown(this.end, capacity);
    this.capacity = capacity;
  }

  typeIndexOf(name: string): number {
    let index = this.typeIndex.get(name);
    if (index === undefined) {
      index = addEventType(this.eventTypes, name);
      this.typeIndex.set(name, index);
    }
    return index;
  }

  /**
   * `fields`: the row's text in TEXT_FIELDS order (the id first); fatalities -1 when not
   * given; an origin (launch point) makes the row an arc to (lon, lat).
   */
  add(day: number, lon: number, lat: number, eventType: string, fatalities: number, fields: readonly string[], origin?: { lon: number; lat: number }): void {
    if (this.length === this.capacity) this.grow();
    const i = this.length++;
    this.day[i] = day;
    this.lon[i] = lon;
    this.lat[i] = lat;
    this.eventType[i] = this.typeIndexOf(eventType);
    this.fatalities[i] = fatalities;
    if (origin) {
      if (!this.originLon || !this.originLat) {
        this.originLon = new Float32Array(this.capacity).fill(NaN);
        this.originLat = new Float32Array(this.capacity).fill(NaN);
      }
      this.originLon[i] = origin.lon;
      this.originLat[i] = origin.lat;
    }
    const [block, start, end] = this.text.addFields(fields, fields.length, this.cleanFields);
    this.block[i] = block;
    this.start[i] = start;
    this.end[i] = end;
  }

  /** After each parsed piece of the file: lets go of the parser's strings. */
  flush(): void {
    this.text.flush();
  }

  finish(): EventBatch {
    this.text.flush();
    const n = this.length;
    return {
      length: n,
      day: this.day.slice(0, n),
      lon: this.lon.slice(0, n),
      lat: this.lat.slice(0, n),
      eventType: this.eventType.slice(0, n),
      fatalities: this.fatalities.slice(0, n),
      originLon: this.originLon?.slice(0, n) ?? null,
      originLat: this.originLat?.slice(0, n) ?? null,
      eventTypes: [...this.eventTypes],
      blocks: this.text.blocks,
      block: this.block.slice(0, n),
      start: this.start.slice(0, n),
      end: this.end.slice(0, n),
    };
  }
}

/** Adds a type to a list (up to MAX_EVENT_TYPES, the last being "Other"); returns its index. */
function addEventType(types: string[], name: string): number {
  if (types.length < MAX_EVENT_TYPES - 1) {
    types.push(name);
    return types.length - 1;
  }
  if (types.length === MAX_EVENT_TYPES - 1) types.push(OTHER_EVENT_TYPE);
  return MAX_EVENT_TYPES - 1;
}

/** Row order sorted by day, stable (rows of one day keep their file order). */
export function sortOrderByDay(day: Float32Array, length = day.length): Uint32Array {
  const order = new Uint32Array(length);
  if (length === 0) return order;
  let min = Infinity;
  let max = -Infinity;
  let integral = true;
  for (let i = 0; i < length; i++) {
    const d = day[i]!;
    if (d < min) min = d;
    if (d > max) max = d;
    if (integral && d !== Math.floor(d)) integral = false;
  }
  if (integral && max - min < 1_000_000) {
    // Counting sort: whole days over a bounded span, O(n).
    const span = max - min + 1;
    const starts = new Uint32Array(span + 1);
    for (let i = 0; i < length; i++) starts[day[i]! - min + 1]!++;
    for (let k = 1; k <= span; k++) starts[k]! += starts[k - 1]!;
    for (let i = 0; i < length; i++) order[starts[day[i]! - min]!++] = i;
    return order;
  }
  for (let i = 0; i < length; i++) order[i] = i;
  order.sort((a, b) => day[a]! - day[b]! || a - b);
  return order;
}

export interface StoredEventRecords {
  chunks: EventChunkRecord[];
  keys: EventKeyRecord[];
  texts: EventTextRecord[];
  dayRange: [number, number] | null;
}

/** The first row of each block (rows of a block are consecutive); throws if they are not. */
function blockFirstRows(batch: EventBatch): number[] {
  const first: number[] = new Array<number>(batch.blocks.length).fill(-1);
  for (let i = 0; i < batch.length; i++) {
    const b = batch.block[i]!;
    if (first[b] === -1) first[b] = i;
    else if (i > 0 && batch.block[i - 1] !== b) throw new Error('the rows of a text block are not consecutive');
  }
  return first;
}

/**
 * Sorts a batch by day into column chunks of `chunkRows` rows, with their key records;
 * the text blocks are stored as they are (file order), the key records saying where
 * each sorted row's text is.
 */
export function buildEventRecords(batch: EventBatch, datasetId: string, chunkRows = EVENT_CHUNK_ROWS): StoredEventRecords {
  const order = sortOrderByDay(batch.day, batch.length);
  const firstRow = blockFirstRows(batch);
  const { blocks } = batch;
  const chunks: EventChunkRecord[] = [];
  const keys: EventKeyRecord[] = [];
  for (let chunkIndex = 0, first = 0; first < batch.length; chunkIndex++, first += chunkRows) {
    const n = Math.min(chunkRows, batch.length - first);
    const id = chunkRecordId(datasetId, chunkIndex);
    const chunk: EventChunkRecord = {
      id,
      datasetId,
      chunkIndex,
      length: n,
      day: new Float32Array(n),
      lon: new Float32Array(n),
      lat: new Float32Array(n),
      eventType: new Uint8Array(n),
      fatalities: new Int32Array(n),
    };
    const { originLon, originLat } = batch;
    if (originLon && originLat) {
      chunk.originLon = new Float32Array(n);
      chunk.originLat = new Float32Array(n);
    }
    const textBlock = new Uint32Array(n);
    const textIndex = new Uint32Array(n);
    const rowKeys = new Array<string>(n);
    for (let j = 0; j < n; j++) {
      const i = order[first + j]!;
      chunk.day[j] = batch.day[i]!;
      chunk.lon[j] = batch.lon[i]!;
      chunk.lat[j] = batch.lat[i]!;
      chunk.eventType[j] = batch.eventType[i]!;
      chunk.fatalities[j] = batch.fatalities[i]!;
      if (chunk.originLon && chunk.originLat) {
        chunk.originLon[j] = originLon![i]!;
        chunk.originLat[j] = originLat![i]!;
      }
      const b = batch.block[i]!;
      textBlock[j] = b;
      textIndex[j] = i - firstRow[b]!;
      const text = blocks[b]!;
      const start = batch.start[i]!;
      const cut = text.indexOf(FIELD_SEPARATOR, start);
      const end = batch.end[i]!;
      rowKeys[j] = text.slice(start, cut < 0 || cut > end ? end : cut);
    }
    chunks.push(chunk);
    keys.push({ id, datasetId, chunkIndex, keys: rowKeys.join(FIELD_SEPARATOR), textBlock, textIndex });
  }
  const texts: EventTextRecord[] = blocks.map((text, b) => {
    const first = firstRow[b]!;
    let n = 0;
    while (first >= 0 && first + n < batch.length && batch.block[first + n] === b) n++;
    const rowStart = new Uint32Array(n + 1);
    for (let k = 0; k < n; k++) rowStart[k] = batch.start[first + k]!;
    rowStart[n] = n === 0 ? 0 : batch.end[first + n - 1]! + 1;
    return { id: chunkRecordId(datasetId, b), datasetId, chunkIndex: b, length: n, text, rowStart };
  });
  const firstSorted = order[0];
  const lastSorted = order[batch.length - 1];
  const dayRange: [number, number] | null =
    firstSorted === undefined || lastSorted === undefined ? null : [batch.day[firstSorted]!, batch.day[lastSorted]!];
  return { chunks, keys, texts, dayRange };
}

/**
 * The stored records of a dataset back into one batch, in stored (day) order, its
 * text pointing into the stored blocks (for a merge).
 */
export function batchFromRecords(
  chunks: readonly EventChunkRecord[],
  keys: readonly EventKeyRecord[],
  texts: readonly EventTextRecord[],
  eventTypes: string[],
): EventBatch {
  const byIndex = <T extends { chunkIndex: number }>(list: readonly T[]) => [...list].sort((a, b) => a.chunkIndex - b.chunkIndex);
  const sortedChunks = byIndex(chunks);
  const sortedKeys = byIndex(keys);
  const blocks: string[] = [];
  const rowStarts: Uint32Array[] = [];
  for (const t of texts) {
    blocks[t.chunkIndex] = t.text;
    rowStarts[t.chunkIndex] = t.rowStart;
  }
  const length = sortedChunks.reduce((n, c) => n + c.length, 0);
  const withOrigin = sortedChunks.some((c) => c.originLon !== undefined);
  const batch: EventBatch = {
    length,
    day: new Float32Array(length),
    lon: new Float32Array(length),
    lat: new Float32Array(length),
    eventType: new Uint8Array(length),
    fatalities: new Int32Array(length),
    originLon: withOrigin ? new Float32Array(length).fill(NaN) : null,
    originLat: withOrigin ? new Float32Array(length).fill(NaN) : null,
    eventTypes: [...eventTypes],
    blocks,
    block: new Uint32Array(length),
    start: new Uint32Array(length),
    end: new Uint32Array(length),
  };
  let at = 0;
  sortedChunks.forEach((c, k) => {
    const kr = sortedKeys[k];
    if (!kr || kr.chunkIndex !== c.chunkIndex || kr.textBlock.length !== c.length)
      throw new Error(`the stored ids of event chunk ${c.chunkIndex} do not match its rows`);
    batch.day.set(c.day.subarray(0, c.length), at);
    batch.lon.set(c.lon.subarray(0, c.length), at);
    batch.lat.set(c.lat.subarray(0, c.length), at);
    batch.eventType.set(c.eventType.subarray(0, c.length), at);
    batch.fatalities.set(c.fatalities.subarray(0, c.length), at);
    if (c.originLon && c.originLat) {
      batch.originLon!.set(c.originLon.subarray(0, c.length), at);
      batch.originLat!.set(c.originLat.subarray(0, c.length), at);
    }
    for (let j = 0; j < c.length; j++) {
      const b = kr.textBlock[j]!;
      const index = kr.textIndex[j]!;
      const rowStart = rowStarts[b];
      if (!rowStart || index + 1 >= rowStart.length) throw new Error(`the stored text of event chunk ${c.chunkIndex} is missing`);
      batch.block[at + j] = b;
      batch.start[at + j] = rowStart[index]!;
      batch.end[at + j] = rowStart[index + 1]! - 1;
    }
    at += c.length;
  });
  return batch;
}

export interface MergeResult {
  batch: EventBatch;
  /** Stored rows replaced by a row of the new file with the same id. */
  updated: number;
  /** Rows of the new file whose id was not stored. */
  added: number;
  /** Stored rows the new file does not mention, kept as they were. */
  kept: number;
}

/**
 * Merges a new import into stored rows by id: a stored row whose id the new file has
 * is replaced by the new row, other stored rows are kept, new ids are added. The
 * result's text is rebuilt into fresh blocks (the text of replaced rows is dropped).
 */
export function mergeBatches(stored: EventBatch, incoming: EventBatch): MergeResult {
  const incomingKeys = new Set(batchKeys(incoming));
  const types: string[] = [...stored.eventTypes];
  const typeIndex = new Map(types.map((t, i) => [t, i] as const));
  const remap = incoming.eventTypes.map((t) => {
    let i = typeIndex.get(t);
    if (i === undefined) {
      i = addEventType(types, t);
      typeIndex.set(t, i);
    }
    return i;
  });
  const keep = new Uint8Array(stored.length);
  let keptCount = 0;
  for (let i = 0; i < stored.length; i++) {
    if (!incomingKeys.has(rowKey(stored, i))) {
      keep[i] = 1;
      keptCount++;
    }
  }
  const length = keptCount + incoming.length;
  const text = new TextBlocks();
  const withOrigin = stored.originLon !== null || incoming.originLon !== null;
  const out: EventBatch = {
    length,
    day: new Float32Array(length),
    lon: new Float32Array(length),
    lat: new Float32Array(length),
    eventType: new Uint8Array(length),
    fatalities: new Int32Array(length),
    originLon: withOrigin ? new Float32Array(length).fill(NaN) : null,
    originLat: withOrigin ? new Float32Array(length).fill(NaN) : null,
    eventTypes: types,
    blocks: text.blocks,
    block: new Uint32Array(length),
    start: new Uint32Array(length),
    end: new Uint32Array(length),
  };
  let at = 0;
  const copy = (from: EventBatch, i: number, type: number) => {
    out.day[at] = from.day[i]!;
    out.lon[at] = from.lon[i]!;
    out.lat[at] = from.lat[i]!;
    out.eventType[at] = type;
    out.fatalities[at] = from.fatalities[i]!;
    if (out.originLon && out.originLat && from.originLon && from.originLat) {
      out.originLon[at] = from.originLon[i]!;
      out.originLat[at] = from.originLat[i]!;
    }
    const [block, start, end] = text.addRow(rowText(from, i));
    out.block[at] = block;
    out.start[at] = start;
    out.end[at] = end;
    at++;
  };
  for (let i = 0; i < stored.length; i++) if (keep[i]) copy(stored, i, stored.eventType[i]!);
  for (let i = 0; i < incoming.length; i++) copy(incoming, i, remap[incoming.eventType[i]!]!);
  text.flush();
  const updated = stored.length - keptCount;
  return { batch: out, updated, added: incoming.length - updated, kept: keptCount };
}
