/**
 * The import pipeline without a worker around it: inspect a file, read all its rows,
 * summarise them in a report, write the rejected rows as CSV. The worker
 * (import-worker.ts) is a thin shell over this module; tests call it directly.
 */
import { spreadsheetCsv } from '../export/spreadsheet-csv';
import { dayNumber, isoDateOfDay } from '../timeline/incident-time';
import type { ColumnMapping } from './columns';
import { parseCsv } from './csv-import';
import { inspectSource as inspectText } from './file-inspection';
import { looksLikeZip } from '../data/backup-format';
import { countOrigins } from '../data/event-store';
import { readBackup } from './backup-import';
import { describeEncoding } from './encoding';
import { createGazetteer, type GazetteerPlace } from './gazetteer';
import { parseAppJson } from './app-json-import';
import { parseGeoJson } from './geojson-import';
import { REPORT_REJECTED_ROWS, type ImportInspection, type ImportProgress, type ImportReport, type ParsedImport } from './types';
import { type ImportSource } from './import-source';
import type { TextBlockSink } from './event-batch';

/** What a file is: a backup of this app (a zip), or text (CSV, GeoJSON, the app's JSON). */
export async function inspectSource(source: ImportSource): Promise<ImportInspection> {
  if (source.size >= 4 && looksLikeZip(await source.slice(0, 4)))
    return { fileName: source.name, fileSize: source.size, format: 'backup', encoding: { encoding: 'utf-8', bom: false, reason: 'a zip file', reasonCode: 'valid-utf8' } };
  return inspectText(source);
}

/** A new dataset id: lower case, valid as a prefix of incident and place ids. */
export function newDatasetId(now = Date.now(), random = Math.random): string {
  return `import-${now.toString(36)}-${Math.floor(random() * 36 ** 4).toString(36).padStart(4, '0')}`;
}

export interface ParseImportOptions {
  datasetId: string;
  /** Places that origin and place names are matched against (the database's places). */
  gazetteer: readonly GazetteerPlace[];
  /** For a CSV that is not ACLED: which column holds what. */
  mapping?: ColumnMapping | undefined;
  signal?: AbortSignal | undefined;
  onProgress?: ((progress: ImportProgress) => void) | undefined;
  progressIntervalMs?: number;
  sliceBytes?: number;
  /** CSV: each block of the rows' text once complete (see staged-events.ts). */
  onTextBlock?: TextBlockSink | undefined;
}

/** Reads every row of an inspected file. Throws ImportError (shown as is) or ImportCancelled. */
export async function parseImport(source: ImportSource, inspection: ImportInspection, options: ParseImportOptions): Promise<ParsedImport> {
  const gazetteer = createGazetteer(options.gazetteer);
  switch (inspection.format) {
    case 'backup': {
      const restore = await readBackup(source);
      return {
        datasetId: options.datasetId,
        fileName: source.name,
        fileSize: source.size,
        format: 'backup',
        encoding: inspection.encoding,
        header: null,
        rowsRead: restore.events + restore.incidents,
        events: null,
        arcPlaces: [],
        incidents: [],
        places: [],
        sources: [],
        rejected: [],
        rejectedCount: 0,
        warnings: [],
        restore,
      };
    }
    case 'geojson':
      return parseGeoJson(source, inspection, { ...options, gazetteer, knownPlaces: new Map(options.gazetteer.map((p) => [p.id, p])) });
    case 'app-json':
      return parseAppJson(source, inspection, { ...options, gazetteer, knownPlaces: new Map(options.gazetteer.map((p) => [p.id, p])) });
    default:
      return parseCsv(source, inspection, {
        datasetId: options.datasetId,
        gazetteer,
        mapping: options.mapping,
        signal: options.signal,
        onProgress: options.onProgress,
        onTextBlock: options.onTextBlock,
        ...(options.progressIntervalMs !== undefined ? { progressIntervalMs: options.progressIntervalMs } : {}),
        ...(options.sliceBytes !== undefined ? { sliceBytes: options.sliceBytes } : {}),
      });
  }
}

/** The rejected rows as CSV: row, field, reason, then the row's own cells under its header. */
export function rejectedRowsCsv(parsed: ParsedImport): string {
  const json = parsed.header === null;
  const fields = json ? ['row', 'section', 'field', 'reason', 'entry'] : ['row', 'field', 'reason', ...parsed.header!];
  const data = parsed.rejected.map((r) =>
    json ? [String(r.row), r.section ?? '', r.field, r.reason, r.raw[0] ?? ''] : [String(r.row), r.field, r.reason, ...r.raw],
  );
  // Its cells come straight from an untrusted file: formulas are defused (spreadsheet-csv.ts).
  return spreadsheetCsv(fields, data);
}

export interface MergePreview {
  datasetId: string;
  name: string;
  updated: number;
  added: number;
}

/** The report shown before anything is written. */
export function buildReport(parsed: ParsedImport, merge: MergePreview | null): ImportReport {
  const events = parsed.events;
  const typeCounts = new Map<string, number>();
  let minDay = Infinity;
  let maxDay = -Infinity;
  if (events) {
    const counts = new Array<number>(events.eventTypes.length).fill(0);
    for (let i = 0; i < events.length; i++) {
      counts[events.eventType[i]!]!++;
      const d = events.day[i]!;
      if (d < minDay) minDay = d;
      if (d > maxDay) maxDay = d;
    }
    events.eventTypes.forEach((name, i) => typeCounts.set(name, counts[i]!));
  }
  for (const inc of parsed.incidents) {
    typeCounts.set(inc.kind, (typeCounts.get(inc.kind) ?? 0) + 1);
    const d = dayNumber(inc.date);
    if (d < minDay) minDay = d;
    if (d > maxDay) maxDay = d;
  }
  const restore = parsed.restore;
  if (restore?.dayRange) [minDay, maxDay] = [restore.dayRange[0], restore.dayRange[1]];
  const acceptedEvents = restore ? restore.events : (events?.length ?? 0);
  const acceptedIncidents = restore ? restore.incidents : parsed.incidents.length;
  const acceptedArcs = restore ? 0 : countOrigins(events?.originLon ?? null, events?.length ?? 0);
  const csv = parsed.rejected.length > 0 ? rejectedRowsCsv(parsed) : null;
  return {
    fileName: parsed.fileName,
    fileSize: parsed.fileSize,
    format: parsed.format,
    encoding: describeEncoding(parsed.encoding),
    encodingReason: parsed.encoding.reason,
    encodingGuess: parsed.encoding,
    rowsRead: parsed.rowsRead,
    accepted: parsed.rowsRead - parsed.rejectedCount,
    acceptedEvents,
    acceptedIncidents,
    acceptedArcs,
    places: restore ? restore.places : parsed.places.length,
    rejectedCount: parsed.rejectedCount,
    rejected: parsed.rejected.slice(0, REPORT_REJECTED_ROWS),
    // A BOM so that Excel reads the UTF-8 (Arabic) correctly.
    rejectedCsv: csv === null ? null : new Blob(['\ufeff', csv], { type: 'text/csv;charset=utf-8' }),
    eventTypes: [...typeCounts].map(([name, count]) => ({ name, count })).sort((a, b) => b.count - a.count),
    dateRange: Number.isFinite(minDay) ? [isoDateOfDay(minDay), isoDateOfDay(maxDay)] : null,
    merge,
    warnings: parsed.warnings,
    ...(restore ? { datasets: restore.datasets.map((d) => d.name) } : {}),
  };
}

/** The name a new dataset gets: the file's name without its extension. */
export function defaultDatasetName(fileName: string): string {
  return fileName.replace(/\.(csv|tsv|txt|json|geojson)$/i, '') || fileName;
}
