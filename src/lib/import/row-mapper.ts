/**
 * From CSV cells to events or incidents, with the reason for every row left out.
 * Pure: no I/O, no DOM; used by the worker and tested directly.
 */
import type { ArcPlace } from '../data/db';
import { EventTextRow } from '../data/event-store';
import type { AcledColumn, ColumnMapping } from './columns';
import { createDateParser, isDateError, type DateError } from './dates';
import { EventAccumulator } from './event-batch';
import { ArcPlaceTally } from './arc-places';
import type { Gazetteer, GazetteerPlace } from './gazetteer';
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

const cell = (row: string[], index: number): string => (index >= 0 ? (row[index] ?? '') : '');

function rejectDate(ctx: MapperContext, rowNumber: number, field: string, rawDate: string, date: DateError, row: string[]): void {
  if (rawDate.trim() === '') ctx.reject(rowNumber, field, 'missing field', row, 'missing-field');
  else ctx.reject(rowNumber, field, `bad date: ${date.error}`, row, date.code, date.params);
}

function rejectFatalities(ctx: MapperContext, rowNumber: number, field: string, value: string, row: string[]): void {
  ctx.reject(rowNumber, field, `not a whole number ("${value}")`, row, 'not-whole-number', { value });
}

function fatalitiesOf(raw: string): number | 'bad' {
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

/** ACLED rows become point events; the columns were found by recogniseHeader. */
export function createAcledMapper(columns: Record<AcledColumn, number>, ctx: MapperContext): RowMapper {
  const events = new EventAccumulator(ctx.capacity);
  const parseDate = createDateParser('dmy');
  const seen = new FirstRowIndex();
  const c = columns;
  // ACLED rows leave out the two last text fields (origin, weapon): stored rows are shorter.
  const text = new EventTextRow(11);
  return {
    map(row, rowNumber) {
      const id = cell(row, c.event_id_cnty).trim();
      if (id === '') return ctx.reject(rowNumber, 'event_id_cnty', 'missing field', row, 'missing-field');
      const rawDate = cell(row, c.event_date);
      const date = parseDate(rawDate);
      if (isDateError(date)) return rejectDate(ctx, rowNumber, 'event_date', rawDate, date, row);
      const lat = parseNumberCell(cell(row, c.latitude));
      if (lat === null) return ctx.reject(rowNumber, 'latitude', 'missing field', row, 'missing-field');
      const lon = parseNumberCell(cell(row, c.longitude));
      if (lon === null) return ctx.reject(rowNumber, 'longitude', 'missing field', row, 'missing-field');
      const bad = coordinateProblem(lat, lon);
      if (bad) return ctx.reject(rowNumber, bad.field, bad.reason, row, bad.code, bad.params);
      const eventType = cell(row, c.event_type).trim();
      if (eventType === '') return ctx.reject(rowNumber, 'event_type', 'missing field', row, 'missing-field');
      const fatalities = fatalitiesOf(cell(row, c.fatalities));
      if (fatalities === 'bad') return rejectFatalities(ctx, rowNumber, 'fatalities', cell(row, c.fatalities), row);
      const first = seen.firstOrAdd(id, rowNumber);
      if (first !== 0)
        return ctx.reject(rowNumber, 'event_id_cnty', `duplicate event_id_cnty (first on row ${first})`, row, 'duplicate-id-row', { first: String(first) });
      const fields = text.fill({
        id,
        date: date.iso,
        eventType,
        subEventType: cell(row, c.sub_event_type),
        actor1: cell(row, c.actor1),
        actor2: cell(row, c.actor2),
        location: cell(row, c.location),
        notes: cell(row, c.notes),
        source: cell(row, c.source),
        timePrecision: cell(row, c.time_precision),
        geoPrecision: cell(row, c.geo_precision),
      });
      events.add(date.day, lon, lat, eventType, fatalities, fields);
    },
    flush: () => events.flush(),
    cleanFields: () => void (events.cleanFields = true),
    finish: () => ({ events, arcPlaces: [] }),
  };
}

interface Located {
  lon: number;
  lat: number;
  /** Set when the name matched a gazetteer place. */
  place?: GazetteerPlace;
  name: string;
}

/**
 * Where a row is: from its coordinate columns, else from its place-name column
 * (gazetteer). Rejects the row (and returns null) when neither gives a location.
 */
function locate(
  row: string[],
  rowNumber: number,
  latIndex: number,
  lonIndex: number,
  nameIndex: number,
  ctx: MapperContext,
  required: boolean,
): Located | null | 'rejected' {
  const h = (i: number) => ctx.header[i] ?? `column ${i + 1}`;
  const latText = cell(row, latIndex);
  const lonText = cell(row, lonIndex);
  const name = cell(row, nameIndex).trim();
  if (latText.trim() !== '' || lonText.trim() !== '') {
    const lat = parseNumberCell(latText);
    const lon = parseNumberCell(lonText);
    if (lat === null) return (ctx.reject(rowNumber, h(latIndex), 'missing field', row, 'missing-field'), 'rejected');
    if (lon === null) return (ctx.reject(rowNumber, h(lonIndex), 'missing field', row, 'missing-field'), 'rejected');
    const bad = coordinateProblem(lat, lon);
    if (bad) return (ctx.reject(rowNumber, h(bad.field === 'latitude' ? latIndex : lonIndex), bad.reason, row, bad.code, bad.params), 'rejected');
    return { lat, lon, name };
  }
  if (name !== '') {
    const place = ctx.gazetteer.match(name);
    if (!place)
      return (ctx.reject(rowNumber, h(nameIndex), `unknown place "${name}" (not in the gazetteer)`, row, 'unknown-place-name', { name }), 'rejected');
    return { lat: place.lat, lon: place.lon, place, name };
  }
  if (!required) return null;
  const field = latIndex >= 0 ? h(latIndex) : h(nameIndex);
  return (ctx.reject(rowNumber, field, 'missing field', row, 'missing-field'), 'rejected');
}

/**
 * A CSV that is not ACLED, through the user's column mapping. Every row becomes an event
 * (columns, as ACLED's); a row with an origin (origin coordinates or a known origin place)
 * is an arc from there to its location.
 */
export function createGenericMapper(mapping: ColumnMapping, ctx: MapperContext, hasOrigin: boolean): RowMapper {
  const parseDate = createDateParser(mapping.dateOrder);
  const h = (i: number) => ctx.header[i] ?? `column ${i + 1}`;
  const events = new EventAccumulator(ctx.capacity);
  const arcPlaces = new ArcPlaceTally();
  const seenIds = new Map<string, number>();
  const text = new EventTextRow();

  return {
    map(row, rowNumber) {
      const rawDate = cell(row, mapping.date);
      const date = parseDate(rawDate);
      if (isDateError(date)) return rejectDate(ctx, rowNumber, h(mapping.date), rawDate, date, row);
      const target = locate(row, rowNumber, mapping.latitude, mapping.longitude, mapping.location, ctx, true);
      if (target === 'rejected' || target === null) return;
      const origin = hasOrigin ? locate(row, rowNumber, mapping.originLatitude, mapping.originLongitude, mapping.originPlace, ctx, false) : null;
      if (origin === 'rejected') return;
      const fatalities = fatalitiesOf(cell(row, mapping.fatalities));
      if (fatalities === 'bad') return rejectFatalities(ctx, rowNumber, h(mapping.fatalities), cell(row, mapping.fatalities), row);
      const givenId = cell(row, mapping.id).trim();
      if (givenId !== '') {
        const first = seenIds.get(givenId);
        if (first !== undefined)
          return ctx.reject(rowNumber, h(mapping.id), `duplicate id (first on row ${first})`, row, 'duplicate-id-row', { first: String(first) });
        seenIds.set(detached(givenId), rowNumber);
      }
      const eventType = cell(row, mapping.eventType).trim() || 'Event';
      const fields = text.fill({
        id: givenId || `row-${rowNumber}`,
        date: date.iso,
        eventType,
        actor1: cell(row, mapping.actor),
        location: cell(row, mapping.location),
        notes: cell(row, mapping.notes),
        source: cell(row, mapping.source),
        origin: origin ? origin.name : '',
        weapon: cell(row, mapping.weapon),
      });
      events.add(date.day, target.lon, target.lat, eventType, fatalities, fields, origin ?? undefined);
      if (origin) {
        arcPlaces.add(target.name, target.lon, target.lat, 'target', target.place);
        arcPlaces.add(origin.name, origin.lon, origin.lat, 'origin', origin.place);
      }
    },
    flush: () => events.flush(),
    cleanFields: () => void (events.cleanFields = true),
    finish: () => ({ events, arcPlaces: arcPlaces.list() }),
  };
}
