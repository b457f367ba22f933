/**
 * Streaming CSV: the file is read in slices, decoded (streaming TextDecoder, so a
 * character cut between two slices is never broken), and fed to papaparse's streaming
 * parser, which carries a row cut between slices (or spanning lines, inside quotes)
 * over to the next. Rows go to a RowMapper as they come: no whole-file string, no
 * object per row. Runs in the import worker; pure enough to run under Node in tests.
 */
import Papa from 'papaparse';
import { mappingHasOrigin, mappingProblems, recogniseHeader, suggestMapping, type ColumnMapping } from './columns';
import { createChunkDecoder, detectEncoding, NotUtf8, readWithFallback, type EncodingGuess } from './encoding';
import { hasSeparator } from './event-batch';
import type { Gazetteer } from './gazetteer';
import { createAcledMapper, createGenericMapper, type MapperContext, type RowMapper } from './row-mapper';
import {
  ImportCancelled,
  ImportError,
  MAX_KEPT_REJECTED,
  type ImportInspection,
  type ImportProgress,
  type ImportSource,
  type ImportWarning,
  type ParsedImport,
  type RejectedRow,
} from './types';

/** Bytes read per slice: big enough for speed, small enough for ~100 ms of work. */
export const SLICE_BYTES = 4 * 1024 * 1024;
const SNIFF_BYTES = 256 * 1024;
/** No honest row is this long; past it, a quote was left open. */
const MAX_ROW_CHARS = 16_000_000;

interface StreamListeners {
  data?: (chunk: string) => void;
  end?: () => void;
  error?: (error: unknown) => void;
}

/**
 * The smallest object papaparse takes as a Node readable stream. It only listens to
 * `data` and `end`; we push decoded text into it ourselves, synchronously.
 */
function createPushStream() {
  const listeners: StreamListeners = {};
  const stream = {
    readable: true,
    read() {},
    pause() {},
    resume() {},
    on(event: keyof StreamListeners, fn: never) {
      listeners[event] = fn;
    },
    removeListener(event: keyof StreamListeners) {
      delete listeners[event];
    },
  };
  return {
    stream,
    push(text: string) {
      listeners.data?.(text);
    },
    end() {
      listeners.end?.();
    },
  };
}

export interface CsvReadOptions {
  delimiter: string;
  encoding: EncodingGuess;
  signal?: AbortSignal | undefined;
  sliceBytes?: number;
  /** Called with the rows of each parsed piece; `first` is the 0-based record index of rows[0]. */
  onRows(rows: string[][], errors: Papa.ParseError[], first: number): void;
  onBytes?(bytesRead: number): void;
  /** Called once, before the rows of the first text holding U+001E or U+001F. */
  onSeparatorSeen?(): void;
}

/** Reads the whole source through papaparse. Throws NotUtf8 when a UTF-8 read meets bad bytes. */
export async function readCsv(source: ImportSource, options: CsvReadOptions): Promise<void> {
  const decoder = createChunkDecoder(options.encoding.encoding);
  const push = createPushStream();
  let records = 0;
  let failure: unknown = null;
  // Text pushed since papaparse last completed a row: a quote never closed makes it
  // hold the rest of the file as one row, re-reading it at every slice. Stop early.
  let pendingText = 0;
  let separatorSeen = false;
  // papaparse's typings only know DOM Files and Node streams; it takes any object with on/read.
  const parseStream = Papa.parse as unknown as (input: unknown, config: Papa.ParseConfig<string[]> & { chunk(results: Papa.ParseResult<string[]>): void }) => void;
  parseStream(push.stream, {
    header: false,
    delimiter: options.delimiter,
    skipEmptyLines: false,
    chunk(results: Papa.ParseResult<string[]>) {
      if (results.data.length > 0) pendingText = 0;
      try {
        options.onRows(results.data, results.errors, records);
      } catch (error) {
        failure ??= error;
      }
      records += results.data.length;
    },
  });
  const sliceBytes = options.sliceBytes ?? SLICE_BYTES;
  const read = (offset: number) => {
    if (offset >= source.size) return null;
    const bytes = source.slice(offset, Math.min(source.size, offset + sliceBytes));
    bytes.catch(() => undefined); // awaited below; no unhandled rejection if we stop first
    return bytes;
  };
  // The next slice is read while this one is parsed.
  let next = read(0);
  for (let offset = 0; offset < source.size; offset += sliceBytes) {
    if (options.signal?.aborted) throw new ImportCancelled();
    const bytes = await next!;
    next = read(offset + sliceBytes);
    let text: string;
    try {
      text = decoder.decode(bytes);
    } catch {
      throw new NotUtf8(bytes);
    }
    pendingText += text.length;
    if (!separatorSeen && hasSeparator(text)) {
      separatorSeen = true;
      options.onSeparatorSeen?.();
    }
    if (text) push.push(text);
    if (failure) throw failure;
    if (pendingText > MAX_ROW_CHARS)
      throw new ImportError(
        `${source.name}, row ${records + 1}: a quoted field is never closed (or one row is over ${MAX_ROW_CHARS / 1_000_000} million characters long): check the quotes of that row.`,
        'unclosed-quote',
        { file: source.name, row: String(records + 1), limit: MAX_ROW_CHARS / 1_000_000 },
      );
    options.onBytes?.(Math.min(source.size, offset + sliceBytes));
  }
  let tail: string;
  try {
    tail = decoder.end();
  } catch {
    throw new NotUtf8(new Uint8Array());
  }
  if (tail && !separatorSeen && hasSeparator(tail)) options.onSeparatorSeen?.();
  if (tail) push.push(tail);
  push.end();
  if (failure) throw failure;
}

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

export interface CsvParseOptions {
  datasetId: string;
  gazetteer: Gazetteer;
  /** Required for a CSV that is not ACLED. */
  mapping?: ColumnMapping | undefined;
  signal?: AbortSignal | undefined;
  onProgress?: ((progress: ImportProgress) => void) | undefined;
  progressIntervalMs?: number;
  sliceBytes?: number;
}

/** Reads every row of a CSV inspected by inspectCsv. */
export async function parseCsv(source: ImportSource, inspection: ImportInspection, options: CsvParseOptions): Promise<ParsedImport> {
  const csv = inspection.csv;
  if (!csv) throw new Error('parseCsv needs a CSV inspection');
  const { header, headerKind } = csv;
  if (headerKind.kind === 'acled-incomplete')
    throw new ImportError(
      `${source.name} looks like an ACLED export but lacks the column${headerKind.missing.length > 1 ? 's' : ''} ${headerKind.missing.join(', ')}: nothing can be imported from it.`,
      'acled-incomplete',
      { file: source.name, columns: headerKind.missing.join(', ') },
    );
  if (headerKind.kind === 'generic') {
    if (!options.mapping)
      throw new ImportError(`${source.name}: choose which columns hold the date and the location first.`, 'mapping-needed', { file: source.name });
    const problems = mappingProblems(options.mapping, header);
    if (problems.length > 0) throw new ImportError(`${source.name}: ${problems.join(' ')}`, 'mapping-invalid', { file: source.name });
  }

  // Valid UTF-8 at the start, not further on: read it all again in the fallback.
  return readWithFallback(source.name, inspection.encoding, (encoding) => parseCsvOnce(source, inspection, encoding, options));
}

async function parseCsvOnce(source: ImportSource, inspection: ImportInspection, encoding: EncodingGuess, options: CsvParseOptions): Promise<ParsedImport> {
  const csv = inspection.csv!;
  const { header, headerKind } = csv;
  const rejected: RejectedRow[] = [];
  let rejectedCount = 0;
  const ctx: MapperContext = {
    datasetId: options.datasetId,
    fileName: source.name,
    header,
    gazetteer: options.gazetteer,
    // ~400 bytes per row for ACLED; the columns grow when that guesses short.
    capacity: Math.min(4_000_000, Math.max(1024, Math.ceil(source.size / 300))),
    reject(row, field, reason, raw, code, params) {
      rejectedCount++;
      if (rejected.length < MAX_KEPT_REJECTED) rejected.push({ row, field, reason, code, ...(params ? { params } : {}), raw });
    },
  };
  const isAcled = headerKind.kind === 'acled';
  const mapper: RowMapper =
    headerKind.kind === 'acled'
      ? createAcledMapper(headerKind.columns, ctx)
      : createGenericMapper(options.mapping!, ctx, mappingHasOrigin(options.mapping!));

  let rowsRead = 0;
  let lastProgress = 0;
  const interval = options.progressIntervalMs ?? 100;
  const columns = header.length;
  const report = (bytesRead: number, force: boolean) => {
    const now = Date.now();
    if (!options.onProgress || (!force && now - lastProgress < interval)) return;
    lastProgress = now;
    options.onProgress({ bytesRead, totalBytes: source.size, rows: rowsRead, accepted: rowsRead - rejectedCount, rejected: rejectedCount });
  };
  let blankRows = 0;

  await readCsv(source, {
    delimiter: csv.delimiter,
    encoding,
    signal: options.signal,
    sliceBytes: options.sliceBytes ?? SLICE_BYTES,
    onBytes: (bytes) => report(bytes, false),
    onRows(rows, errors, first) {
      const errorAt = new Map<number, Papa.ParseError>();
      for (const e of errors) if (e.row !== undefined && !errorAt.has(e.row)) errorAt.set(e.row, e);
      for (let k = 0; k < rows.length; k++) {
        const index = first + k;
        if (index === 0) continue; // the header
        const row = rows[k]!;
        const rowNumber = index + 1;
        if (row.length === 1 && row[0] === '') {
          blankRows++;
          continue;
        }
        rowsRead++;
        const error = errorAt.get(k);
        if (error) {
          const unclosed = error.code === 'MissingQuotes';
          ctx.reject(
            rowNumber,
            '(row)',
            unclosed ? 'a quoted field is never closed: the rest of the file was read into this row' : `malformed quotes (${error.message})`,
            row,
            unclosed ? 'unclosed-quote' : 'malformed-quotes',
          );
          continue;
        }
        if (row.length > columns && row.slice(columns).some((v) => v.trim() !== '')) {
          ctx.reject(rowNumber, '(row)', `wrong number of fields: ${row.length}, the header has ${columns}`, row, 'wrong-field-count', {
            count: row.length,
            expected: columns,
          });
          continue;
        }
        mapper.map(row, rowNumber);
      }
      mapper.flush();
    },
    onSeparatorSeen: () => mapper.cleanFields(),
  });
  report(source.size, true);
  if (rowsRead === 0)
    throw new ImportError(
      `${source.name} has a header row but no data rows${blankRows ? ` (only ${blankRows} blank line${blankRows > 1 ? 's' : ''})` : ''}: nothing to import.`,
      blankRows ? 'no-data-rows-blank' : 'no-data-rows',
      blankRows ? { file: source.name, blank: blankRows } : { file: source.name },
    );
  const mapped = mapper.finish();
  const warnings: ImportWarning[] = [];
  if (rejectedCount > rejected.length)
    warnings.push({
      code: 'rejected-truncated',
      params: { count: rejectedCount, kept: rejected.length },
      text: `${rejectedCount} rows were rejected; the file of rejected rows holds the first ${rejected.length}.`,
    });
  return {
    datasetId: options.datasetId,
    fileName: source.name,
    fileSize: source.size,
    format: isAcled ? 'acled' : 'csv',
    encoding,
    header,
    rowsRead,
    events: mapped.events.finish(),
    arcPlaces: mapped.arcPlaces,
    incidents: [],
    places: [],
    sources: [],
    rejected,
    rejectedCount,
    warnings,
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
