/**
 * The app's own JSON (data/FORMAT.md): a bundled dataset, an incidents file, or lists of
 * incidents, places or sources, each record checked with the app's schema and its ids
 * scoped to the dataset, so an import never overwrites the bundled data.
 */
import { incidentSchema, placeSchema, sourceArticleSchema, type Incident, type Place, type SourceArticle } from '../data/schema';
import { emptyResult, parseJson, rawOf, rejector, type JsonParseOptions, type Props } from './json-import';
import { readJsonText } from './json-text';
import { schemaProblem } from './schema-problem';
import { type ImportInspection, type ParsedImport } from './types';
import { type ImportSource } from './import-source';
import { ImportError } from './import-errors';

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
