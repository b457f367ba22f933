/**
 * A first look at a file: its encoding, then whether it is CSV (and if so its header,
 * delimiter, first rows, whether it is ACLED, a first guess of the column mapping),
 * GeoJSON or the app's JSON. Reads only the first 256 KB.
 */
import Papa from 'papaparse';
import { recogniseHeader, suggestMapping } from './columns';
import { detectEncoding, type EncodingGuess } from './encoding';
import { type ImportInspection } from './types';
import { type ImportSource } from './import-source';
import { ImportError } from './import-errors';

const SNIFF_BYTES = 256 * 1024;

/** The first rows of a CSV (header and a preview), for the mapping step and format detection. */
export function inspectCsvText(text: string): { header: string[]; preview: string[][]; delimiter: string } {
  const result = Papa.parse<string[]>(text, { header: false, preview: 8, skipEmptyLines: true, delimitersToGuess: [',', ';', '\t', '|'] });
  const [header = [], ...preview] = result.data;
  return { header: header.map((h) => h.replace(/^\ufeff/, '').trim()), preview, delimiter: result.meta.delimiter || ',' };
}

export async function readSample(source: ImportSource): Promise<{ bytes: Uint8Array; complete: boolean }> {
  const bytes = await source.slice(0, Math.min(source.size, SNIFF_BYTES));
  return { bytes, complete: source.size <= SNIFF_BYTES };
}

/** Decodes a sample, dropping a character cut at its end. */
export function decodeSample(bytes: Uint8Array, encoding: EncodingGuess): string {
  return new TextDecoder(encoding.encoding).decode(bytes, { stream: true });
}

export function inspectCsv(source: ImportSource, sample: string, encoding: EncodingGuess): ImportInspection {
  const { header, preview, delimiter } = inspectCsvText(sample);
  if (header.length === 0 || (header.length === 1 && header[0] === ''))
    throw new ImportError(`${source.name} is empty: there is no header row.`, 'no-header', { file: source.name });
  const headerKind = recogniseHeader(header);
  return {
    fileName: source.name,
    fileSize: source.size,
    format: headerKind.kind === 'acled' ? 'acled' : 'csv',
    encoding,
    csv: { header, preview, delimiter, headerKind, suggested: suggestMapping(header) },
  };
}

/** First look at a file: its encoding, then whether it is CSV, GeoJSON or the app's JSON. */
export async function inspectSource(source: ImportSource): Promise<ImportInspection> {
  if (source.size === 0) throw new ImportError(`${source.name} is empty (0 bytes).`, 'file-empty', { file: source.name });
  const { bytes, complete } = await readSample(source);
  const encoding = detectEncoding(bytes, complete);
  const sample = decodeSample(bytes, encoding).replace(/^\ufeff/, '');
  const start = sample.trimStart();
  if (start === '') throw new ImportError(`${source.name} is empty: it holds only blank space.`, 'file-blank', { file: source.name });
  const lower = source.name.toLowerCase();
  if (start.startsWith('{') || start.startsWith('[') || lower.endsWith('.json') || lower.endsWith('.geojson')) {
    const isGeo = lower.endsWith('.geojson') || /"type"\s*:\s*"(FeatureCollection|Feature)"/.test(start.slice(0, 4096));
    return { fileName: source.name, fileSize: source.size, format: isGeo ? 'geojson' : 'app-json', encoding };
  }
  return inspectCsv(source, sample, encoding);
}
