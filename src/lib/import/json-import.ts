/**
 * JSON files: GeoJSON (Points and MultiPoints as impacts, LineStrings and
 * MultiLineStrings as arcs from their first to their last position) and the app's own
 * JSON (data/FORMAT.md: a bundled dataset, an incidents file, or lists of incidents,
 * places or sources). Read whole (JSON has no streaming parser here), within the size,
 * encoding and nesting limits of json-text.ts; large point sets belong in CSV.
 */
import { incidentSchema, placeSchema, sourceArticleSchema, type Incident, type Place, type SourceArticle } from '../data/schema';
import { createDateParser, isDateError } from './dates';
import type { EncodingGuess } from './encoding';
import { EventTextRow } from '../data/event-store';
import { EventAccumulator } from './event-batch';
import type { Gazetteer, GazetteerPlace } from './gazetteer';
import { ArcPlaceTally } from './arc-places';
import { schemaProblem } from './schema-problem';
import { readJsonText, type JsonTextOptions } from './json-text';
import { coordinateProblem, parseNumberCell } from './row-mapper';
import {
  ImportError,
  MAX_KEPT_REJECTED,
  type ImportInspection,
  type ImportSource,
  type MessageParams,
  type ParsedImport,
  type RejectCode,
  type RejectedRow,
} from './types';

export interface JsonParseOptions extends JsonTextOptions {
  datasetId: string;
  gazetteer: Gazetteer;
  /** The gazetteer's places by id (app JSON may refer to them). */
  knownPlaces: ReadonlyMap<string, GazetteerPlace>;
}

function parseJson(text: string, fileName: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new ImportError(`${fileName} is not valid JSON: ${detail}`, 'invalid-json', { file: fileName, detail });
  }
}

function rawOf(value: unknown): string[] {
  const text = JSON.stringify(value) ?? '';
  return [text.length > 20_000 ? `${text.slice(0, 20_000)}…` : text];
}

type Props = Record<string, unknown>;

function prop(props: Props, names: readonly string[]): string {
  for (const name of names) {
    const v = props[name];
    if (v !== undefined && v !== null && v !== '') return typeof v === 'string' ? v : String(v);
  }
  return '';
}

const DATE_PROPS = ['event_date', 'date', 'Date', 'datetime', 'time', 'timestamp', 'day'];
const TYPE_PROPS = ['event_type', 'eventType', 'type', 'kind', 'category'];
const NOTES_PROPS = ['notes', 'description', 'summary', 'details', 'name', 'title'];
const ID_PROPS = ['event_id_cnty', 'id', 'event_id'];

function emptyResult(source: ImportSource, inspection: ImportInspection, datasetId: string, encoding: EncodingGuess): ParsedImport {
  return {
    datasetId,
    fileName: source.name,
    fileSize: source.size,
    format: inspection.format,
    encoding,
    header: null,
    rowsRead: 0,
    events: null,
    arcPlaces: [],
    incidents: [],
    places: [],
    sources: [],
    rejected: [],
    rejectedCount: 0,
    warnings: [],
  };
}

function rejector(result: ParsedImport) {
  return (row: number, field: string, reason: string, raw: string[], section: string, code: RejectCode, params?: MessageParams) => {
    result.rejectedCount++;
    if (result.rejected.length < MAX_KEPT_REJECTED)
      result.rejected.push({ row, field, reason, code, ...(params ? { params } : {}), raw, section } satisfies RejectedRow);
  };
}

/** GeoJSON: a FeatureCollection, a Feature or a bare geometry. */
export async function parseGeoJson(source: ImportSource, inspection: ImportInspection, options: JsonParseOptions): Promise<ParsedImport> {
  const { text, encoding } = await readJsonText(source, inspection.encoding, options);
  const data = parseJson(text, source.name) as Props | null;
  const result = emptyResult(source, inspection, options.datasetId, encoding);
  const reject = rejector(result);
  let features: unknown[];
  if (data && data.type === 'FeatureCollection' && Array.isArray(data.features)) features = data.features;
  else if (data && data.type === 'Feature') features = [data];
  else if (data && typeof data.type === 'string' && 'coordinates' in data) features = [{ type: 'Feature', properties: {}, geometry: data }];
  else throw new ImportError(`${source.name} is not GeoJSON: expected a FeatureCollection, a Feature or a geometry.`, 'not-geojson', { file: source.name });
  if (features.length === 0) throw new ImportError(`${source.name} has no features: nothing to import.`, 'no-features', { file: source.name });

  const events = new EventAccumulator(features.length);
  const arcPlaces = new ArcPlaceTally();
  const textRow = new EventTextRow();
  const parseDate = createDateParser('dmy');
  const seen = new Map<string, number>();
  type PositionProblem = { field: string; reason: string; code: RejectCode; params?: MessageParams | undefined };
  const position = (p: unknown): { lon: number; lat: number } | PositionProblem => {
    if (!Array.isArray(p) || p.length < 2) return { field: 'geometry.coordinates', reason: 'missing field', code: 'missing-field' };
    const lon = typeof p[0] === 'number' ? p[0] : (parseNumberCell(String(p[0])) ?? NaN);
    const lat = typeof p[1] === 'number' ? p[1] : (parseNumberCell(String(p[1])) ?? NaN);
    const bad = coordinateProblem(lat, lon);
    return bad ? { field: `geometry.coordinates (${bad.field})`, reason: bad.reason, code: bad.code, params: bad.params } : { lon, lat };
  };

  features.forEach((feature, i) => {
    const row = i + 1;
    result.rowsRead++;
    const f = feature as Props | null;
    if (!f || typeof f !== 'object') return reject(row, '(feature)', 'not a GeoJSON feature', rawOf(feature), 'features', 'not-a-feature');
    const props = (f.properties && typeof f.properties === 'object' ? f.properties : {}) as Props;
    const geometry = f.geometry as Props | null | undefined;
    if (!geometry || typeof geometry.type !== 'string') return reject(row, 'geometry', 'missing field', rawOf(feature), 'features', 'missing-field');
    const rawDate = prop(props, DATE_PROPS);
    if (rawDate === '') return reject(row, 'properties.date', 'missing field', rawOf(feature), 'features', 'missing-field');
    const date = parseDate(rawDate);
    if (isDateError(date)) return reject(row, 'properties.date', `bad date: ${date.error}`, rawOf(feature), 'features', date.code, date.params);
    const eventType = prop(props, TYPE_PROPS).trim();
    const notes = prop(props, NOTES_PROPS);
    const location = prop(props, ['location', 'place', 'name']);
    const actor = prop(props, ['actor1', 'actor']);
    const sourceText = prop(props, ['source', 'outlet']);
    const fatalText = prop(props, ['fatalities', 'deaths', 'killed']).trim();
    const fatalities = fatalText === '' ? -1 : /^\d+$/.test(fatalText) ? Number(fatalText) : NaN;
    if (Number.isNaN(fatalities))
      return reject(row, 'properties.fatalities', `not a whole number ("${fatalText}")`, rawOf(feature), 'features', 'not-whole-number', { value: fatalText });
    const baseId = prop(props, ID_PROPS) || (f.id !== undefined && f.id !== null ? String(f.id) : '') || `feature-${row}`;
    const coords = geometry.coordinates;

    const fields = (key: string, type: string, origin: string) =>
      textRow.fill({
        id: key,
        date: date.iso,
        eventType: type,
        subEventType: prop(props, ['sub_event_type']),
        actor1: actor,
        actor2: prop(props, ['actor2']),
        location,
        notes,
        source: sourceText,
        timePrecision: prop(props, ['time_precision']),
        geoPrecision: prop(props, ['geo_precision']),
        origin,
        weapon: prop(props, ['weapon']),
      });
    const type = eventType || 'Event';

    if (geometry.type === 'Point' || geometry.type === 'MultiPoint') {
      const points = geometry.type === 'Point' ? [coords] : Array.isArray(coords) ? coords : [];
      if (points.length === 0) return reject(row, 'geometry.coordinates', 'missing field', rawOf(feature), 'features', 'missing-field');
      const located = points.map(position);
      const bad = located.find((p): p is PositionProblem => 'reason' in p);
      if (bad) return reject(row, bad.field, bad.reason, rawOf(feature), 'features', bad.code, bad.params);
      const first = seen.get(baseId);
      if (first !== undefined)
        return reject(row, 'id', `duplicate id (first in feature ${first})`, rawOf(feature), 'features', 'duplicate-id-feature', { first: String(first) });
      seen.set(baseId, row);
      located.forEach((p, k) => {
        const { lon, lat } = p as { lon: number; lat: number };
        events.add(date.day, lon, lat, type, fatalities, fields(points.length > 1 ? `${baseId}#${k + 1}` : baseId, type, ''));
      });
      return;
    }

    if (geometry.type === 'LineString' || geometry.type === 'MultiLineString') {
      // Each line is an arc from its first position to its last.
      const lines: unknown[] = geometry.type === 'LineString' ? [coords] : Array.isArray(coords) ? coords : [];
      if (lines.length === 0) return reject(row, 'geometry.coordinates', 'missing field', rawOf(feature), 'features', 'missing-field');
      const arcs: { from: { lon: number; lat: number }; to: { lon: number; lat: number } }[] = [];
      for (const line of lines) {
        if (!Array.isArray(line) || line.length < 2)
          return reject(row, 'geometry.coordinates', 'a line needs at least two positions', rawOf(feature), 'features', 'line-too-short');
        const from = position(line[0]);
        if ('reason' in from) return reject(row, from.field, from.reason, rawOf(feature), 'features', from.code, from.params);
        const to = position(line[line.length - 1]);
        if ('reason' in to) return reject(row, to.field, to.reason, rawOf(feature), 'features', to.code, to.params);
        arcs.push({ from, to });
      }
      const first = seen.get(baseId);
      if (first !== undefined)
        return reject(row, 'id', `duplicate id (first in feature ${first})`, rawOf(feature), 'features', 'duplicate-id-feature', { first: String(first) });
      seen.set(baseId, row);
      const originName = prop(props, ['origin', 'from', 'origin_name']);
      arcs.forEach(({ from, to }, k) => {
        events.add(date.day, to.lon, to.lat, type, fatalities, fields(arcs.length > 1 ? `${baseId}#${k + 1}` : baseId, type, originName), from);
        arcPlaces.add(location, to.lon, to.lat, 'target');
        arcPlaces.add(originName, from.lon, from.lat, 'origin');
      });
      return;
    }
    reject(row, 'geometry.type', `unsupported geometry ${geometry.type} (Points and LineStrings only)`, rawOf(feature), 'features', 'unsupported-geometry', {
      type: geometry.type,
    });
  });
  result.events = events.length > 0 ? events.finish() : null;
  result.arcPlaces = arcPlaces.list();
  options.onProgress?.({ bytesRead: source.size, totalBytes: source.size, rows: result.rowsRead, accepted: result.rowsRead - result.rejectedCount, rejected: result.rejectedCount });
  return result;
}

/**
 * The app's own JSON. Every id is put under the dataset (`<datasetId>-<id>`) so an
 * import never overwrites the bundled data or another import; references are rewritten
 * to match, and may also name places already in the gazetteer.
 */
export async function parseAppJson(source: ImportSource, inspection: ImportInspection, options: JsonParseOptions): Promise<ParsedImport> {
  const { text, encoding } = await readJsonText(source, inspection.encoding, options);
  const data = parseJson(text, source.name);
  const result = emptyResult(source, inspection, options.datasetId, encoding);
  const reject = rejector(result);
  let incidents: unknown[] = [];
  let places: unknown[] = [];
  let sources: unknown[] = [];
  const isPlace = (v: unknown) => !!v && typeof v === 'object' && 'altNames' in v && 'lon' in v;
  const isSource = (v: unknown) => !!v && typeof v === 'object' && 'seedFile' in v;
  if (Array.isArray(data)) {
    if (data.length === 0) throw new ImportError(`${source.name} is an empty list: nothing to import.`, 'empty-list', { file: source.name });
    if (isPlace(data[0])) places = data;
    else if (isSource(data[0])) sources = data;
    else incidents = data;
  } else if (data && typeof data === 'object' && ('incidents' in data || 'places' in data)) {
    const d = data as Props;
    incidents = Array.isArray(d.incidents) ? d.incidents : [];
    places = Array.isArray(d.places) ? d.places : [];
    sources = Array.isArray(d.sources) ? d.sources : [];
  } else {
    throw new ImportError(
      `${source.name} is not the app's JSON: expected { "incidents": [...] }, a bundled dataset or a list of incidents or places (data/FORMAT.md).`,
      'not-app-json',
      { file: source.name },
    );
  }
  if (incidents.length + places.length + sources.length === 0)
    throw new ImportError(`${source.name} holds no incidents, places or sources: nothing to import.`, 'json-empty', { file: source.name });
  const prefix = (id: string) => `${options.datasetId}-${id}`;
  const issue = (error: { issues: { code: string; path: PropertyKey[]; message: string }[] }) => schemaProblem(error.issues[0]!, '(entry)');

  const filePlaces = new Map<string, Place>();
  places.forEach((value, i) => {
    result.rowsRead++;
    const parsed = placeSchema.safeParse(value);
    if (!parsed.success) {
      const { field, reason, code, params } = issue(parsed.error);
      return reject(i + 1, field, reason, rawOf(value), 'places', code, params);
    }
    if (filePlaces.has(parsed.data.id))
      return reject(i + 1, 'id', `duplicate place id "${parsed.data.id}"`, rawOf(value), 'places', 'duplicate-place-id', { id: parsed.data.id });
    filePlaces.set(parsed.data.id, parsed.data);
  });
  const placeRef = (id: string): string | null => (filePlaces.has(id) ? prefix(id) : options.knownPlaces.has(id) ? id : null);
  for (const place of filePlaces.values()) {
    const parentId = place.parentId ? placeRef(place.parentId) : undefined;
    result.places.push({ ...place, id: prefix(place.id), ...(parentId ? { parentId } : {}) });
    if (place.parentId && !parentId) {
      const { parentId: _dropped, ...rest } = result.places.at(-1)!;
      result.places[result.places.length - 1] = rest;
      result.warnings.push({
        code: 'place-parent-missing',
        params: { place: place.id, parent: place.parentId },
        text: `Place "${place.id}": its parent "${place.parentId}" is not in the file or the gazetteer; left out.`,
      });
    }
  }

  const fileSources = new Set<string>();
  sources.forEach((value, i) => {
    result.rowsRead++;
    const parsed = sourceArticleSchema.safeParse(value);
    if (!parsed.success) {
      const { field, reason, code, params } = issue(parsed.error);
      return reject(i + 1, field, reason, rawOf(value), 'sources', code, params);
    }
    if (fileSources.has(parsed.data.id))
      return reject(i + 1, 'id', `duplicate source id "${parsed.data.id}"`, rawOf(value), 'sources', 'duplicate-source-id', { id: parsed.data.id });
    fileSources.add(parsed.data.id);
    result.sources.push({ ...parsed.data, id: prefix(parsed.data.id) } satisfies SourceArticle);
  });

  const seen = new Set<string>();
  incidents.forEach((value, i) => {
    result.rowsRead++;
    const row = i + 1;
    const parsed = incidentSchema.safeParse(value);
    if (!parsed.success) {
      const { field, reason, code, params } = issue(parsed.error);
      return reject(row, field, reason, rawOf(value), 'incidents', code, params);
    }
    const inc = parsed.data;
    if (seen.has(inc.id)) return reject(row, 'id', `duplicate incident id "${inc.id}"`, rawOf(value), 'incidents', 'duplicate-incident-id', { id: inc.id });
    const targetId = placeRef(inc.targetId);
    if (!targetId) return reject(row, 'targetId', `unknown place "${inc.targetId}"`, rawOf(value), 'incidents', 'unknown-place-id', { id: inc.targetId });
    const originId = inc.originId === null ? null : placeRef(inc.originId);
    if (inc.originId !== null && !originId)
      return reject(row, 'originId', `unknown place "${inc.originId}"`, rawOf(value), 'incidents', 'unknown-place-id', { id: inc.originId });
    const related: string[] = [];
    for (const [k, id] of (inc.relatedPlaceIds ?? []).entries()) {
      const ref = placeRef(id);
      if (!ref) return reject(row, `relatedPlaceIds.${k}`, `unknown place "${id}"`, rawOf(value), 'incidents', 'unknown-place-id', { id });
      related.push(ref);
    }
    const incSources = [];
    for (const [k, s] of inc.sources.entries()) {
      if (s.sourceId !== undefined && !fileSources.has(s.sourceId)) {
        const { sourceId: _unknown, ...rest } = s;
        incSources.push(rest);
        if (result.warnings.length < 50)
          result.warnings.push({
            code: 'source-link-dropped',
            params: { incident: inc.id, entry: String(row), source: k + 1, article: s.sourceId },
            text: `Incident "${inc.id}" (entry ${row}): source ${k + 1} cites the article "${s.sourceId}", which is not in the file; the citation is kept without the link.`,
          });
      } else incSources.push(s.sourceId === undefined ? s : { ...s, sourceId: prefix(s.sourceId) });
    }
    seen.add(inc.id);
    result.incidents.push({
      ...inc,
      id: prefix(inc.id),
      targetId,
      originId,
      ...(inc.relatedPlaceIds ? { relatedPlaceIds: related } : {}),
      sources: incSources,
    });
  });
  if (result.incidents.length === 0 && result.places.length === 0 && result.sources.length === 0 && result.rejectedCount === 0)
    throw new ImportError(`${source.name}: nothing to import.`, 'nothing-to-import', { file: source.name });
  return result;
}
