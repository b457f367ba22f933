/**
 * Incidents and places built from imported rows that have an origin (CSV with origin
 * columns, GeoJSON lines). The schema requires fields a plain file does not have; they
 * are filled with honest defaults (docs/IMPORT.md, "Incidents from a file"): status
 * "reported", actor "unknown", the file and row as source and date basis, the text of
 * the file copied, never invented. Every record is then checked with the app's schema.
 */
import {
  incidentKinds,
  incidentSchema,
  placeSchema,
  weapons,
  type Incident,
  type IncidentKind,
  type Place,
  type Weapon,
} from '../data/schema';
import type { ParsedDate } from './dates';
import type { MessageParams, RejectCode, SchemaProblemCode } from './types';

/** An incident kind named in the file ("attack-on-coalition", "Coalition strike"); other text: other-strike. */
export function kindFromText(text: string): IncidentKind {
  const key = text.trim().toLowerCase().replace(/[\s_]+/g, '-');
  return (incidentKinds as readonly string[]).includes(key) ? (key as IncidentKind) : 'other-strike';
}

const WEAPON_WORDS: [RegExp, Weapon][] = [
  [/rocket|grad|katyusha|صاروخ|صواريخ/i, 'rockets'],
  [/mortar|هاون/i, 'mortar'],
  [/drone|uav|\bowa\b|مسيرة|مسيّرة|طائرة/i, 'drone'],
  [/artillery|shell|مدفع/i, 'artillery'],
  [/air ?strike|air raid|غارة/i, 'airstrike'],
  [/\bied\b|explosive|عبوة|ناسفة/i, 'explosive-charges'],
];

/** The weapon a text names, or "unknown". */
export function weaponFromText(text: string): Weapon {
  const key = text.trim().toLowerCase();
  if ((weapons as readonly string[]).includes(key)) return key as Weapon;
  for (const [pattern, weapon] of WEAPON_WORDS) if (pattern.test(text)) return weapon;
  return 'unknown';
}

export interface ImportedPlaceInput {
  id: string;
  name: string;
  lon: number;
  lat: number;
  fileName: string;
  row: number;
  role: 'origin' | 'target';
}

export function buildImportedPlace(input: ImportedPlaceInput): Place {
  const name = input.name.trim() || `${input.lat.toFixed(4)}, ${input.lon.toFixed(4)}`;
  return {
    id: input.id,
    name: { en: name, ar: name },
    altNames: [],
    kind: input.role === 'origin' ? 'launch-area' : 'strike-area',
    description: `Imported from ${input.fileName}, row ${input.row}`,
    lon: input.lon,
    lat: input.lat,
    uncertaintyKm: 0,
    estimated: false,
    coordSource: `${input.fileName}, row ${input.row} (coordinates as given in the file)`,
  };
}

export interface ImportedIncidentInput {
  id: string;
  fileName: string;
  row: number;
  date: ParsedDate;
  rawDate: string;
  eventType: string;
  notes: string;
  actor: string;
  source: string;
  location: string;
  fatalities: number | null;
  targetId: string;
  originId: string | null;
}

export function buildImportedIncident(input: ImportedIncidentInput): Incident {
  const what = input.eventType.trim() || 'Imported event';
  const where = input.location.trim();
  const title = where ? `${what}, ${where}` : what;
  const notes = input.notes.trim();
  const source = input.source.trim();
  return {
    id: input.id,
    date: input.date.iso,
    datePrecision: 'exact',
    dateBasis: `"${input.rawDate.trim()}" in ${input.fileName}, row ${input.row}`,
    ...(input.date.time ? { timeLocal: input.date.time } : {}),
    kind: kindFromText(what),
    originId: input.originId,
    originCertainty: input.originId === null ? null : 'reported',
    targetId: input.targetId,
    weapon: weaponFromText(what),
    weaponDetail: input.eventType.trim(),
    count: { min: null, max: null, figures: [] },
    casualties: input.fatalities === null ? '' : `${input.fatalities} killed (${input.fileName})`,
    damage: '',
    actor: { name: input.actor.trim() || 'unknown', basis: 'unknown' },
    status: 'reported',
    title: { en: title, ar: title },
    summaryEn: notes || title,
    sources: [{ outlet: source || input.fileName, quoteAr: [], summaryEn: `Row ${input.row} of ${input.fileName}` }],
    conflicts: [],
    ...(notes ? { notes } : {}),
  };
}

/** A problem the schema found: where, why in English, and why as a code for the UI. */
export interface SchemaProblem {
  field: string;
  reason: string;
  code: RejectCode;
  params?: MessageParams;
}

/** The messages of the schema's own rules (src/lib/data/schema.ts), by code. */
const SCHEMA_MESSAGES: Record<string, SchemaProblemCode | 'bad-date-not-real'> = {
  'not a real calendar date': 'bad-date-not-real',
  'expected a date as YYYY-MM-DD': 'schema-date-format',
  'ids are lower-case letters, digits and hyphens': 'schema-id-format',
  'originCertainty is set exactly when originId is': 'schema-origin-certainty',
  'endDate is before date': 'schema-end-before-date',
  'count.min is above count.max': 'schema-count-order',
};

interface SchemaIssue {
  code: string;
  path: PropertyKey[];
  message: string;
  origin?: string;
  minimum?: unknown;
  maximum?: unknown;
  values?: unknown[];
  keys?: string[];
}

/** A schema (zod) issue as field, English reason and code; `whole` names the record itself when the path is empty. */
export function schemaProblem(issue: SchemaIssue, whole = '(row)'): SchemaProblem {
  const field = issue.path.map(String).join('.') || whole;
  const reason = issue.message;
  const known = SCHEMA_MESSAGES[issue.message];
  if (known) return { field, reason, code: known };
  const limit = (v: unknown) => (typeof v === 'number' || typeof v === 'bigint' ? Number(v) : String(v));
  switch (issue.code) {
    case 'invalid_type':
      return { field, reason, code: 'schema-type' };
    case 'too_small':
      return issue.origin === 'string' && Number(issue.minimum) === 1
        ? { field, reason, code: 'schema-empty' }
        : { field, reason, code: 'schema-too-small', params: { limit: limit(issue.minimum) } };
    case 'too_big':
      return { field, reason, code: 'schema-too-big', params: { limit: limit(issue.maximum) } };
    case 'invalid_format':
      return { field, reason, code: 'schema-format' };
    case 'invalid_value':
      return { field, reason, code: 'schema-value', params: { values: (issue.values ?? []).map(String).join(', ') } };
    case 'unrecognized_keys':
      return { field, reason, code: 'schema-keys', params: { keys: (issue.keys ?? []).join(', ') } };
    case 'custom':
      return { field, reason, code: 'schema-rule' };
    default:
      return { field, reason, code: 'schema-invalid' };
  }
}

/** The first problem the schema finds; null when valid. */
export function incidentProblem(incident: Incident): SchemaProblem | null {
  const result = incidentSchema.safeParse(incident);
  if (result.success) return null;
  return schemaProblem(result.error.issues[0]!);
}

export function placeProblem(place: Place): SchemaProblem | null {
  const result = placeSchema.safeParse(place);
  if (result.success) return null;
  return schemaProblem(result.error.issues[0]!);
}
