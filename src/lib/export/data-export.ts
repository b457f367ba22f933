/**
 * The data behind a map: the incidents of the current selection as CSV (ACLED's column
 * names where they fit), GeoJSON (an arc is a LineString from origin to target, an
 * impact a Point) and the app's own JSON, which the importer (src/lib/import/json-import.ts)
 * reads back to the same records. Pure: no DOM, no database.
 */
import type { Incident, Place, SourceArticle } from '../data/schema';
import { spreadsheetCsv } from './spreadsheet-csv';

/** The `format` field of the app's JSON. */
export const APP_JSON_FORMAT = 'eastern-syria-strikes';
export const APP_JSON_VERSION = 1;

type AnyIncident = Incident & { datasetId?: string };
type AnyPlace = Place & { datasetId?: string };
type AnySource = SourceArticle & { datasetId?: string };
type PlaceLookup = ReadonlyMap<string, AnyPlace>;

/** ACLED columns first (in ACLED's order), then this app's own. */
export const CSV_COLUMNS = [
  'event_id_cnty',
  'event_date',
  'year',
  'time_precision',
  'disorder_type',
  'event_type',
  'sub_event_type',
  'actor1',
  'location',
  'latitude',
  'longitude',
  'geo_precision',
  'source',
  'notes',
  'fatalities',
  'origin_name',
  'origin_latitude',
  'origin_longitude',
  'origin_certainty',
  'target_id',
  'origin_id',
  'status',
  'kind',
  'weapon',
  'weapon_detail',
  'count_min',
  'count_max',
  'date_precision',
  'date_basis',
  'time_local',
  'casualties',
  'quote_ar',
  'summary_en',
  'title_en',
  'title_ar',
  'dataset_id',
  'citation',
] as const;

/** How an incident is cited, in the language of the export (the caller's): see lib/i18n/citations.ts. */
export type Cite = (incident: AnyIncident) => string;
const NO_CITATION: Cite = () => '';
export type CsvColumn = (typeof CSV_COLUMNS)[number];

/** ACLED time_precision: 1 the exact day, 2 within a week (or inferred), 3 the month only. */
export function acledTimePrecision(precision: Incident['datePrecision']): 1 | 2 | 3 {
  if (precision === 'exact') return 1;
  if (precision === 'month') return 3;
  return 2;
}

/**
 * ACLED geo_precision from how well the place is known: 1 a precise point, 2 near it or
 * an estimate, 3 only the wider region.
 */
export function acledGeoPrecision(place: Pick<Place, 'kind' | 'uncertaintyKm' | 'estimated'> | undefined): 1 | 2 | 3 | '' {
  if (!place) return '';
  if (place.kind === 'region' || place.uncertaintyKm >= 25) return 3;
  if (place.estimated || place.uncertaintyKm > 5) return 2;
  return 1;
}

/** ACLED's disorder type, event type and sub-event type for an incident. */
export function acledEventType(incident: Pick<Incident, 'weapon' | 'kind'>): { disorder: string; event: string; subEvent: string } {
  if (incident.kind === 'context' || incident.weapon === 'none')
    return { disorder: 'Strategic developments', event: 'Strategic developments', subEvent: 'Other' };
  const event = 'Explosions/Remote violence';
  const disorder = 'Political violence';
  switch (incident.weapon) {
    case 'airstrike':
    case 'drone':
      return { disorder, event, subEvent: 'Air/drone strike' };
    case 'rockets':
    case 'mortar':
    case 'artillery':
      return { disorder, event, subEvent: 'Shelling/artillery/missile attack' };
    case 'explosive-charges':
      return { disorder, event, subEvent: 'Remote explosive/landmine/IED' };
    default:
      // The weapon is not known: no sub-event type rather than a guessed one.
      return { disorder, event, subEvent: '' };
  }
}

const NONE_REPORTED = /^\s*(none(\s+reported)?|no (casualties|deaths|fatalities|one (was )?killed))\b(?!\s+(to|among|of)\b)[^;]*$/i;
const QUALIFIED_NONE = /\bno\s+(us|american|coalition|sdf|syrian|iraqi)\b/i;
const KILLED = /(\d+)\s+(?:[\p{L}'’-]+\s+){0,5}?(?:killed|dead|deaths?|fatalities)\b|\bkill(?:ed|ing)\s+(\d+)\b/giu;

/**
 * ACLED's fatalities from the free-text casualties: a number only when the text gives
 * exactly one count of the dead and nothing that contradicts it (ranges, several counts);
 * 0 when it says plainly that nobody was hurt; otherwise '' (unknown). Never a guess.
 */
export function fatalitiesFromCasualties(casualties: string): number | '' {
  const text = casualties.trim();
  if (text === '') return '';
  // Who said it, in brackets, does not change what was said: "None (SDF; CJTF-OIR)." is none.
  const said = text.replace(/\s*\([^)]*\)/g, '');
  if (NONE_REPORTED.test(said) && !QUALIFIED_NONE.test(said)) return 0;
  const counts = new Set<number>();
  for (const m of text.matchAll(KILLED)) counts.add(Number(m[1] ?? m[2]));
  if (counts.size !== 1) return '';
  // A range ("2-3 killed") or another number near the count makes the figure uncertain.
  if (/\d\s*[-–—]\s*\d/.test(text)) return '';
  const digits = text.match(/\d+/g) ?? [];
  if (new Set(digits).size !== 1) return '';
  return [...counts][0]!;
}

/** Outlets citing an incident, once each, in the order cited. */
export function incidentOutlets(incident: Pick<Incident, 'sources'>): string[] {
  return [...new Set(incident.sources.map((s) => s.outlet.trim()))];
}

/** Every Arabic quote of an incident, in source order. */
function quotesOf(incident: Incident): string[] {
  return incident.sources.flatMap((s) => s.quoteAr);
}

/** One CSV row per incident, as an object keyed by column. */
export function incidentCsvRow(incident: AnyIncident, places: PlaceLookup, cite: Cite = NO_CITATION): Record<CsvColumn, string | number> {
  const target = places.get(incident.targetId);
  const origin = incident.originId ? places.get(incident.originId) : undefined;
  const type = acledEventType(incident);
  return {
    event_id_cnty: incident.id,
    event_date: incident.date,
    year: Number(incident.date.slice(0, 4)),
    time_precision: acledTimePrecision(incident.datePrecision),
    disorder_type: type.disorder,
    event_type: type.event,
    sub_event_type: type.subEvent,
    actor1: incident.actor.name,
    location: target?.name.en ?? incident.targetId,
    latitude: target?.lat ?? '',
    longitude: target?.lon ?? '',
    geo_precision: acledGeoPrecision(target),
    source: incidentOutlets(incident).join('; '),
    notes: incident.summaryEn,
    fatalities: fatalitiesFromCasualties(incident.casualties),
    origin_name: origin?.name.en ?? '',
    origin_latitude: origin?.lat ?? '',
    origin_longitude: origin?.lon ?? '',
    origin_certainty: incident.originCertainty ?? '',
    target_id: incident.targetId,
    origin_id: incident.originId ?? '',
    status: incident.status,
    kind: incident.kind,
    weapon: incident.weapon,
    weapon_detail: incident.weaponDetail,
    count_min: incident.count.min ?? '',
    count_max: incident.count.max ?? '',
    date_precision: incident.datePrecision,
    date_basis: incident.dateBasis,
    time_local: incident.timeLocal ?? '',
    casualties: incident.casualties,
    quote_ar: quotesOf(incident).join(' | '),
    summary_en: incident.summaryEn,
    title_en: incident.title.en,
    title_ar: incident.title.ar,
    dataset_id: incident.datasetId ?? '',
    citation: cite(incident),
  };
}

/**
 * The incidents as CSV (RFC 4180, CRLF, UTF-8 with a BOM so that spreadsheets read the
 * Arabic). Cells that a spreadsheet would run as a formula are defused (spreadsheet-csv.ts).
 */
export function incidentsToCsv(incidents: readonly AnyIncident[], places: PlaceLookup, cite: Cite = NO_CITATION): string {
  const data = incidents.map((i) => {
    const row = incidentCsvRow(i, places, cite);
    return CSV_COLUMNS.map((c) => row[c]);
  });
  return `\ufeff${spreadsheetCsv(CSV_COLUMNS, data, { newline: '\r\n' })}`;
}

export interface IncidentFeature {
  type: 'Feature';
  id: string;
  geometry: { type: 'Point'; coordinates: [number, number] } | { type: 'LineString'; coordinates: [number, number][] };
  properties: Record<string, unknown>;
}

export interface IncidentFeatureCollection {
  type: 'FeatureCollection';
  features: IncidentFeature[];
}

/**
 * GeoJSON: an incident with a placed origin is a LineString [origin, target]; one without
 * a Point at its target. Properties: the whole incident record, the place names, and the
 * ACLED-like fields the importer (and GIS users) look for. Incidents whose target place
 * is unknown have no geometry to give and are left out.
 */
export function incidentsToGeoJson(incidents: readonly AnyIncident[], places: PlaceLookup, cite: Cite = NO_CITATION): IncidentFeatureCollection {
  const features: IncidentFeature[] = [];
  for (const incident of incidents) {
    const target = places.get(incident.targetId);
    if (!target) continue;
    const origin = incident.originId ? places.get(incident.originId) : undefined;
    const type = acledEventType(incident);
    const fatalities = fatalitiesFromCasualties(incident.casualties);
    const to: [number, number] = [target.lon, target.lat];
    features.push({
      type: 'Feature',
      id: incident.id,
      geometry: origin ? { type: 'LineString', coordinates: [[origin.lon, origin.lat], to] } : { type: 'Point', coordinates: to },
      properties: {
        ...incident,
        target_name: target.name.en,
        target_name_ar: target.name.ar,
        origin_name: origin?.name.en ?? null,
        origin_name_ar: origin?.name.ar ?? null,
        location: target.name.en,
        event_type: type.event,
        sub_event_type: type.subEvent,
        actor1: incident.actor.name,
        source: incidentOutlets(incident).join('; '),
        fatalities: fatalities === '' ? null : fatalities,
        citation: cite(incident),
      },
    });
  }
  return { type: 'FeatureCollection', features };
}

export interface AppJson {
  format: typeof APP_JSON_FORMAT;
  version: typeof APP_JSON_VERSION;
  exportedAt: string;
  places: Place[];
  incidents: Incident[];
  sources: SourceArticle[];
}

/** A record without the `datasetId` the database adds: the import gives it its own dataset. */
function withoutDataset<T extends { datasetId?: string }>(record: T): Omit<T, 'datasetId'> {
  const { datasetId: _dataset, ...rest } = record;
  return rest;
}

/** Ids of the places an incident refers to. */
function placeIdsOf(incident: Incident): string[] {
  return [incident.targetId, ...(incident.originId ? [incident.originId] : []), ...(incident.relatedPlaceIds ?? [])];
}

/**
 * The app's own JSON: the incidents, every place they refer to (with the places those lie
 * inside, so that no reference dangles) and the source articles they cite. Without
 * `datasetId`: the importer files everything under a dataset of its own.
 */
export function incidentsToAppJson(
  incidents: readonly AnyIncident[],
  places: PlaceLookup,
  sources: readonly AnySource[],
  exportedAt = new Date().toISOString(),
): AppJson {
  const placeIds = new Set<string>();
  const addPlace = (id: string) => {
    if (placeIds.has(id)) return;
    const place = places.get(id);
    if (!place) return;
    placeIds.add(id);
    if (place.parentId) addPlace(place.parentId);
  };
  for (const incident of incidents) for (const id of placeIdsOf(incident)) addPlace(id);
  const cited = new Set(incidents.flatMap((i) => i.sources.flatMap((s) => (s.sourceId ? [s.sourceId] : []))));
  const seenSources = new Set<string>();
  const usedSources: SourceArticle[] = [];
  for (const s of sources) {
    if (!cited.has(s.id) || seenSources.has(s.id)) continue;
    seenSources.add(s.id);
    usedSources.push(withoutDataset(s));
  }
  return {
    format: APP_JSON_FORMAT,
    version: APP_JSON_VERSION,
    exportedAt,
    places: [...placeIds].map((id) => withoutDataset(places.get(id)!)),
    incidents: incidents.map((i) => withoutDataset(i)),
    sources: usedSources,
  };
}

/** Ids of the source articles the incidents cite (to read them from the database). */
export function citedSourceIds(incidents: readonly Incident[]): string[] {
  return [...new Set(incidents.flatMap((i) => i.sources.flatMap((s) => (s.sourceId ? [s.sourceId] : []))))];
}
