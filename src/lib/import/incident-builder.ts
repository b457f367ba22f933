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

/** The first problem the schema finds, as field + reason; null when valid. */
export function incidentProblem(incident: Incident): { field: string; reason: string } | null {
  const result = incidentSchema.safeParse(incident);
  if (result.success) return null;
  const issue = result.error.issues[0]!;
  return { field: issue.path.join('.') || '(row)', reason: issue.message };
}

export function placeProblem(place: Place): { field: string; reason: string } | null {
  const result = placeSchema.safeParse(place);
  if (result.success) return null;
  const issue = result.error.issues[0]!;
  return { field: issue.path.join('.') || '(row)', reason: issue.message };
}
