/**
 * From CSV cells to events, with the reason for every row left out: what the two row
 * mappers (acled-mapper.ts, generic-mapper.ts) share, the cell parsers and the duplicate
 * check. Pure: no I/O, no DOM; used by the worker and tested directly.
 */
import type { ArcPlace } from '../data/db';
import type { DateError } from './dates';
import type { EventAccumulator, TextBlockSink } from './event-batch';
import type { Gazetteer } from './gazetteer';
import type { MessageParams, RejectCode } from './types';

/** A number cell: null when empty, NaN when not a number. Accepts a decimal comma ("35,12"). */
export function parseNumberCell(raw: string | undefined): number | null {
  if (raw === undefined) return null;
  const text = raw.trim();
  if (text === '') return null;
  const c0 = text.charCodeAt(0);
  // Fast path: plain decimals ("35.0208", "-1.5", "1e3"); Number() alone would also take "0x1F", "Infinity" or "1_0".
  if ((c0 >= 48 && c0 <= 57) || c0 === 45 || c0 === 43 || c0 === 46) {
    const c1 = text.charCodeAt(1);
    if (!(c0 === 48 && (c1 | 32) >= 97 && (c1 | 32) <= 122 && (c1 | 32) !== 101)) {
      const n = Number(text);
      if (Number.isFinite(n)) return n;
    }
  }
  if (/^[-+]?\d+,\d+$/.test(text)) return Number(text.replace(',', '.'));
  return NaN;
}

/** Why a coordinate pair cannot be used, or null. */
export function coordinateProblem(
  lat: number,
  lon: number,
): { field: 'latitude' | 'longitude'; reason: string; code: RejectCode; params?: MessageParams } | null {
  if (Number.isNaN(lat)) return { field: 'latitude', reason: 'not a number', code: 'not-a-number' };
  if (Number.isNaN(lon)) return { field: 'longitude', reason: 'not a number', code: 'not-a-number' };
  if (lat < -90 || lat > 90)
    return { field: 'latitude', reason: `coordinates out of range (latitude ${lat})`, code: 'latitude-out-of-range', params: { value: String(lat) } };
  if (lon < -180 || lon > 180)
    return { field: 'longitude', reason: `coordinates out of range (longitude ${lon})`, code: 'longitude-out-of-range', params: { value: String(lon) } };
  if (lat === 0 && lon === 0) return { field: 'latitude', reason: 'coordinates 0,0 (a missing location written as zeros)', code: 'zero-coordinates' };
  return null;
}

/**
 * Where each id was first seen, to reject duplicates. ACLED ids (a few letters then a
 * number: SYR123456) are kept in paged typed arrays, ten times faster than a Map for a
 * million rows; any other id goes in a Map.
 */
export class FirstRowIndex {
  private readonly prefixes = new Map<string, (Uint32Array | undefined)[]>();
  private lastPrefix = '';
  private lastPages: (Uint32Array | undefined)[] | null = null;
  private readonly others = new Map<string, number>();

  /** The row where `id` was first seen; or 0, after noting it at `row` (rows start at 1). */
  firstOrAdd(id: string, row: number): number {
    let k = id.length;
    while (k > 0 && id.charCodeAt(k - 1) >= 48 && id.charCodeAt(k - 1) <= 57) k--;
    const digits = id.length - k;
    if (k === 0 || k > 8 || digits === 0 || digits > 9 || (digits > 1 && id.charCodeAt(k) === 48)) {
      const first = this.others.get(id);
      if (first !== undefined) return first;
      this.others.set(detached(id), row);
      return 0;
    }
    let n = 0;
    for (let i = k; i < id.length; i++) n = n * 10 + id.charCodeAt(i) - 48;
    let pages = this.lastPages;
    if (!pages || k !== this.lastPrefix.length || !id.startsWith(this.lastPrefix)) {
      const prefix = id.slice(0, k);
      const known = this.prefixes.get(prefix);
      pages = known ?? [];
      if (!known) this.prefixes.set(prefix, pages);
      this.lastPrefix = prefix;
      this.lastPages = pages;
    }
    const page = (pages[n >>> 12] ??= new Uint32Array(4096));
    const first = page[n & 4095]!;
    if (first !== 0) return first;
    page[n & 4095] = row;
    return 0;
  }
}

export interface MapperContext {
  datasetId: string;
  fileName: string;
  header: readonly string[];
  gazetteer: Gazetteer;
  /** `reason` in English (the file of rejected rows); `code` and `params` for the UI. */
  reject(row: number, field: string, reason: string, raw: string[], code: RejectCode, params?: MessageParams): void;
  /** Expected number of rows, to size the columns. */
  capacity?: number;
  /** Each block of the rows' text once complete (written to storage while the file is read). */
  onTextBlock?: TextBlockSink | undefined;
}

export interface MappedRows {
  events: EventAccumulator;
  /** The named ends of the rows that are arcs. */
  arcPlaces: ArcPlace[];
}

export interface RowMapper {
  map(row: string[], rowNumber: number): void;
  /** After each parsed piece of the file: lets the parser's strings go. */
  flush(): void;
  /** The file holds U+001E/U+001F somewhere: clean every text field. */
  cleanFields(): void;
  finish(): MappedRows;
}

/**
 * A copy of a short string that does not point into the parser's big input string
 * (V8 keeps substrings of 13 characters and more as views of their parent).
 */
export function detached(text: string): string {
  return text.length < 13 ? text : (' ' + text).slice(1);
}

export const cell = (row: string[], index: number): string => (index >= 0 ? (row[index] ?? '') : '');

export function rejectDate(ctx: MapperContext, rowNumber: number, field: string, rawDate: string, date: DateError, row: string[]): void {
  if (rawDate.trim() === '') ctx.reject(rowNumber, field, 'missing field', row, 'missing-field');
  else ctx.reject(rowNumber, field, `bad date: ${date.error}`, row, date.code, date.params);
}

export function rejectFatalities(ctx: MapperContext, rowNumber: number, field: string, value: string, row: string[]): void {
  ctx.reject(rowNumber, field, `not a whole number ("${value}")`, row, 'not-whole-number', { value });
}

export function fatalitiesOf(raw: string): number | 'bad' {
  const text = raw.length > 0 && (raw.charCodeAt(0) === 32 || raw.charCodeAt(raw.length - 1) === 32) ? raw.trim() : raw;
  if (text === '') return -1;
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return 'bad';
    n = n * 10 + c;
  }
  return n > 2_147_483_647 ? 'bad' : n;
}
