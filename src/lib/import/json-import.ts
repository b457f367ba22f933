/**
 * What the two JSON importers share (geojson-import.ts, app-json-import.ts): options,
 * parsing with a clear error, property lookup, the empty result and the rejected rows.
 * JSON is read whole (no streaming parser here), within the size, encoding and nesting
 * limits of json-text.ts; large point sets belong in CSV.
 */
import type { EncodingGuess } from './encoding';
import type { Gazetteer, GazetteerPlace } from './gazetteer';
import type { JsonTextOptions } from './json-text';
import { MAX_KEPT_REJECTED, type ImportInspection, type MessageParams, type ParsedImport, type RejectCode, type RejectedRow } from './types';
import { type ImportSource } from './import-source';
import { ImportError } from './import-errors';

export interface JsonParseOptions extends JsonTextOptions {
  datasetId: string;
  gazetteer: Gazetteer;
  /** The gazetteer's places by id (app JSON may refer to them). */
  knownPlaces: ReadonlyMap<string, GazetteerPlace>;
}

export function parseJson(text: string, fileName: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new ImportError(`${fileName} is not valid JSON: ${detail}`, 'invalid-json', { file: fileName, detail });
  }
}

export function rawOf(value: unknown): string[] {
  const text = JSON.stringify(value) ?? '';
  return [text.length > 20_000 ? `${text.slice(0, 20_000)}…` : text];
}

export type Props = Record<string, unknown>;

export function prop(props: Props, names: readonly string[]): string {
  for (const name of names) {
    const v = props[name];
    if (v !== undefined && v !== null && v !== '') return typeof v === 'string' ? v : String(v);
  }
  return '';
}

export function emptyResult(source: ImportSource, inspection: ImportInspection, datasetId: string, encoding: EncodingGuess): ParsedImport {
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

export function rejector(result: ParsedImport) {
  return (row: number, field: string, reason: string, raw: string[], section: string, code: RejectCode, params?: MessageParams) => {
    result.rejectedCount++;
    if (result.rejected.length < MAX_KEPT_REJECTED)
      result.rejected.push({ row, field, reason, code, ...(params ? { params } : {}), raw, section } satisfies RejectedRow);
  };
}
