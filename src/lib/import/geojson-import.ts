/**
 * GeoJSON: Points and MultiPoints become point events, LineStrings and MultiLineStrings
 * arcs from their first to their last position (events with a launch point), each named
 * end counted for the map's labels. Properties are read under their usual names.
 */
import { EventTextRow } from '../data/event-store';
import { ArcPlaceTally } from './arc-places';
import { createDateParser, isDateError } from './dates';
import { EventAccumulator } from './event-batch';
import { emptyResult, parseJson, prop, rawOf, rejector, type JsonParseOptions, type Props } from './json-import';
import { readJsonText } from './json-text';
import { coordinateProblem, parseNumberCell } from './row-mapper';
import { type ImportInspection, type MessageParams, type ParsedImport, type RejectCode } from './types';
import { type ImportSource } from './import-source';
import { ImportError } from './import-errors';

const DATE_PROPS = ['event_date', 'date', 'Date', 'datetime', 'time', 'timestamp', 'day'];
const TYPE_PROPS = ['event_type', 'eventType', 'type', 'kind', 'category'];
const NOTES_PROPS = ['notes', 'description', 'summary', 'details', 'name', 'title'];
const ID_PROPS = ['event_id_cnty', 'id', 'event_id'];

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
