/**
 * Events being imported, held as growing columns (no object per row): the batch a file
 * becomes before it is sorted and stored (event-records.ts) or merged (event-merge.ts).
 * The rows' text is gathered into a few big strings (blocks) while the file is read, in
 * file order, and stored as such: sorting moves only numbers, never text.
 */
import { FIELD_SEPARATOR } from '../data/event-store';

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
 * Takes each block of text once it is complete: its number, its text, and where each of its
 * rows starts, with one more entry one past the end of the last (an EventTextRecord's rowStart).
 * The importer writes it to storage then, while the file is still being read.
 */
export type TextBlockSink = (index: number, text: string, rowStart: Uint32Array) => void;

/**
 * Collects row texts into blocks. Pieces are kept as given (often views into the CSV
 * parser's input) until `flush`, which joins them into one flat string, letting the
 * parser's strings go.
 */
export class TextBlocks {
  readonly blocks: string[] = [];
  private pending: string[] = [];
  private length = 0;
  /** Where each row of the pending block starts. */
  private starts: number[] = [];

  constructor(private readonly onBlock?: TextBlockSink) {}

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
    if (this.onBlock) this.starts.push(start);
    const end = start + chars;
    this.length = end + 1;
    if (this.length > BLOCK_CHARS) this.flush();
    return [block, start, end];
  }

  flush(): void {
    if (this.pending.length === 0) return;
    const text = this.pending.join(FIELD_SEPARATOR);
    this.blocks.push(text);
    this.pending = [];
    this.length = 0;
    if (this.onBlock) {
      const rowStart = new Uint32Array(this.starts.length + 1);
      rowStart.set(this.starts);
      rowStart[this.starts.length] = text.length + 1;
      this.starts = [];
      this.onBlock(this.blocks.length - 1, text, rowStart);
    }
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
  private readonly text: TextBlocks;
  private readonly typeIndex = new Map<string, number>();
  private readonly eventTypes: string[] = [];

  /** `onTextBlock`: each block of text as soon as it is complete (to write it while reading). */
  constructor(capacity = 4096, onTextBlock?: TextBlockSink) {
    this.text = new TextBlocks(onTextBlock);
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
export function addEventType(types: string[], name: string): number {
  if (types.length < MAX_EVENT_TYPES - 1) {
    types.push(name);
    return types.length - 1;
  }
  if (types.length === MAX_EVENT_TYPES - 1) types.push(OTHER_EVENT_TYPE);
  return MAX_EVENT_TYPES - 1;
}
