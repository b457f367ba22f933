/**
 * CSV headers: recognising an ACLED export, and the column mapping of other files.
 * ACLED exports (the data export tool and the API, older and newer column orders) are
 * recognised by their column names, whatever their order (docs/IMPORT.md, "ACLED").
 */
import type { DateOrder } from './dates';

/** Normalised header cell: trimmed, lower case, BOM and surrounding quotes dropped. */
export function normalizeHeader(cell: string): string {
  return cell.replace(/^\ufeff/, '').trim().toLowerCase();
}

/** Columns an ACLED file must have for its rows to be mapped. */
export const ACLED_REQUIRED = ['event_id_cnty', 'event_date', 'event_type', 'latitude', 'longitude'] as const;
/** Other ACLED columns the importer reads when present. */
export const ACLED_OPTIONAL = [
  'time_precision',
  'sub_event_type',
  'actor1',
  'actor2',
  'location',
  'geo_precision',
  'source',
  'notes',
  'fatalities',
  'admin1',
  'admin2',
  'admin3',
] as const;
/** Columns that only ACLED files have together; 3 of them with event_id_cnty make a file ACLED. */
const ACLED_MARKERS = [
  ...ACLED_OPTIONAL,
  'event_date',
  'event_type',
  'disorder_type',
  'assoc_actor_1',
  'inter1',
  'interaction',
  'iso',
  'source_scale',
  'civilian_targeting',
  'event_id_no_cnty',
];

export type AcledColumn = (typeof ACLED_REQUIRED)[number] | (typeof ACLED_OPTIONAL)[number];

export type HeaderKind =
  | { kind: 'acled'; columns: Record<AcledColumn, number> }
  | { kind: 'acled-incomplete'; missing: string[] }
  | { kind: 'generic' };

/** Whether a header row is an ACLED export's, and where its columns are. */
export function recogniseHeader(header: readonly string[]): HeaderKind {
  const names = header.map(normalizeHeader);
  if (!names.includes('event_id_cnty')) return { kind: 'generic' };
  const markers = ACLED_MARKERS.filter((m) => names.includes(m)).length;
  if (markers < 3) return { kind: 'generic' };
  const missing = ACLED_REQUIRED.filter((c) => !names.includes(c));
  if (missing.length > 0) return { kind: 'acled-incomplete', missing };
  const columns = {} as Record<AcledColumn, number>;
  for (const c of [...ACLED_REQUIRED, ...ACLED_OPTIONAL]) columns[c] = names.indexOf(c);
  return { kind: 'acled', columns };
}

/**
 * Which column holds what, for a CSV that is not ACLED (indices into the header; -1:
 * none). Rows with an origin (origin coordinates or an origin place name mapped) are
 * imported as arcs; without, as point events like ACLED's. Both are stored as columns.
 */
export interface ColumnMapping {
  date: number;
  dateOrder: DateOrder;
  latitude: number;
  longitude: number;
  /** A place name, matched against the gazetteer when the row has no coordinates. */
  location: number;
  eventType: number;
  notes: number;
  id: number;
  fatalities: number;
  actor: number;
  source: number;
  /** The weapon as written ("122mm Grad", "one-way drone"): shown with the event. */
  weapon: number;
  originLatitude: number;
  originLongitude: number;
  originPlace: number;
}

export const MAPPING_FIELDS: { key: Exclude<keyof ColumnMapping, 'dateOrder'>; label: string; hint: string }[] = [
  { key: 'date', label: 'Date', hint: 'required' },
  { key: 'latitude', label: 'Latitude', hint: 'or a place name' },
  { key: 'longitude', label: 'Longitude', hint: 'or a place name' },
  { key: 'location', label: 'Place name', hint: 'matched against the gazetteer when a row has no coordinates' },
  { key: 'eventType', label: 'Event type', hint: 'optional' },
  { key: 'notes', label: 'Notes', hint: 'optional' },
  { key: 'id', label: 'Id', hint: 'optional' },
  { key: 'fatalities', label: 'Fatalities', hint: 'optional' },
  { key: 'actor', label: 'Actor', hint: 'optional' },
  { key: 'source', label: 'Source', hint: 'optional' },
  { key: 'weapon', label: 'Weapon', hint: 'optional' },
  { key: 'originLatitude', label: 'Origin latitude', hint: 'optional: draws an arc' },
  { key: 'originLongitude', label: 'Origin longitude', hint: 'optional: draws an arc' },
  { key: 'originPlace', label: 'Origin place name', hint: 'optional: matched against the gazetteer' },
];

export function emptyMapping(): ColumnMapping {
  return {
    date: -1,
    dateOrder: 'dmy',
    latitude: -1,
    longitude: -1,
    location: -1,
    eventType: -1,
    notes: -1,
    id: -1,
    fatalities: -1,
    actor: -1,
    source: -1,
    weapon: -1,
    originLatitude: -1,
    originLongitude: -1,
    originPlace: -1,
  };
}

const GUESSES: [Exclude<keyof ColumnMapping, 'dateOrder'>, RegExp][] = [
  ['originLatitude', /^(origin|from|launch|source)[ _-]?(lat|latitude)$/],
  ['originLongitude', /^(origin|from|launch|source)[ _-]?(lon|lng|long|longitude)$/],
  ['originPlace', /^(origin|from|launch)[ _-]?(place|name|location|site|area)?$|^(launched from|fired from)$|^(المصدر|من|مكان الإطلاق|مكان الاطلاق)$/],
  ['date', /^(date|event[ _]?date|day|timestamp|date[ _]?time|datetime|التاريخ|تاريخ)$/],
  ['latitude', /^(lat|latitude|y|(target|to|dest(ination)?)[ _-]?(lat|latitude)|خط العرض)$/],
  ['longitude', /^(lon|lng|long|longitude|x|(target|to|dest(ination)?)[ _-]?(lon|lng|long|longitude)|خط الطول)$/],
  ['location', /^(location|place|target|target[ _-]?(place|name)|site|town|city|المكان|الموقع|الهدف)$/],
  ['eventType', /^(event[ _]?type|type|kind|category|النوع)$/],
  ['notes', /^(notes?|description|details|summary|text|ملاحظات|الوصف)$/],
  ['id', /^(id|event[ _]?id|event_id_cnty|ref|reference)$/],
  ['fatalities', /^(fatalities|deaths|killed|dead|casualties|القتلى)$/],
  ['actor', /^(actor|actor1|perpetrator|attacker|group|الجهة|المنفذ)$/],
  ['source', /^(source|sources|outlet|url|link)$/],
  ['weapon', /^(weapon|weapons|munition|munitions|السلاح|الذخيرة)$/],
];

/** A first guess of the mapping from the column names; the user corrects it. */
export function suggestMapping(header: readonly string[]): ColumnMapping {
  const mapping = emptyMapping();
  const names = header.map(normalizeHeader);
  const taken = new Set<number>();
  for (const [key, pattern] of GUESSES) {
    const index = names.findIndex((n, i) => !taken.has(i) && pattern.test(n));
    if (index >= 0) {
      mapping[key] = index;
      taken.add(index);
    }
  }
  return mapping;
}

/**
 * A problem of a mapping, as a code for the UI ('import.mapping.problem.<code>') and in
 * English. 'no-column': {field} (a key of ColumnMapping) {column}.
 */
export interface MappingProblem {
  code: 'no-column' | 'date-missing' | 'coordinates-pair' | 'location-missing' | 'origin-pair';
  field?: Exclude<keyof ColumnMapping, 'dateOrder'>;
  column?: number;
  text: string;
}

/** What is wrong with a mapping; empty when it can be used. */
export function mappingProblemList(mapping: ColumnMapping, header: readonly string[]): MappingProblem[] {
  const problems: MappingProblem[] = [];
  const n = header.length;
  for (const { key, label } of MAPPING_FIELDS) {
    const v = mapping[key];
    if (v < -1 || v >= n || !Number.isInteger(v)) problems.push({ code: 'no-column', field: key, column: v, text: `${label}: no column ${v}` });
  }
  if (mapping.date < 0) problems.push({ code: 'date-missing', text: 'Choose the column that holds the date.' });
  const hasCoordinates = mapping.latitude >= 0 && mapping.longitude >= 0;
  if ((mapping.latitude >= 0) !== (mapping.longitude >= 0))
    problems.push({ code: 'coordinates-pair', text: 'Choose both latitude and longitude, or neither.' });
  if (!hasCoordinates && mapping.location < 0)
    problems.push({ code: 'location-missing', text: 'Choose latitude and longitude columns, or a place name column.' });
  if ((mapping.originLatitude >= 0) !== (mapping.originLongitude >= 0))
    problems.push({ code: 'origin-pair', text: 'Choose both origin latitude and origin longitude, or neither.' });
  return problems;
}

/** What is wrong with a mapping, in (English) words; empty when it can be used. */
export function mappingProblems(mapping: ColumnMapping, header: readonly string[]): string[] {
  return mappingProblemList(mapping, header).map((p) => p.text);
}

/** True when rows are imported as incidents with an origin (arcs) rather than point events. */
export function mappingHasOrigin(mapping: ColumnMapping): boolean {
  return (mapping.originLatitude >= 0 && mapping.originLongitude >= 0) || mapping.originPlace >= 0;
}
