/**
 * Reading a CSV's rows (csv-stream.ts) through a RowMapper: ACLED's, or the user's column
 * mapping; every row left out kept with its row number, field and reason. Runs in the
 * import worker; pure enough to run under Node in tests.
 */
import type Papa from 'papaparse';
import { mappingHasOrigin, mappingProblems, type ColumnMapping } from './columns';
import { readWithFallback, type EncodingGuess } from './encoding';
import type { Gazetteer } from './gazetteer';
import { readCsv, SLICE_BYTES } from './csv-stream';
import { createAcledMapper } from './acled-mapper';
import { createGenericMapper } from './generic-mapper';
import type { MapperContext, RowMapper } from './row-mapper';
import type { TextBlockSink } from './event-batch';
import { MAX_KEPT_REJECTED, type ImportInspection, type ImportProgress, type ImportWarning, type ParsedImport, type RejectedRow } from './types';
import { type ImportSource } from './import-source';
import { ImportError } from './import-errors';

export interface CsvParseOptions {
  datasetId: string;
  gazetteer: Gazetteer;
  /** Required for a CSV that is not ACLED. */
  mapping?: ColumnMapping | undefined;
  signal?: AbortSignal | undefined;
  onProgress?: ((progress: ImportProgress) => void) | undefined;
  progressIntervalMs?: number;
  sliceBytes?: number;
  /** Each block of the rows' text once complete; a second reading (another encoding) starts again at block 0. */
  onTextBlock?: TextBlockSink | undefined;
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
    onTextBlock: options.onTextBlock,
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
