/** Types shared by the import pipeline: the parser core, the worker, the session and the UI. */
import type { Incident, Place, SourceArticle } from '../data/schema';
import type { HeaderKind, ColumnMapping } from './columns';
import type { EncodingGuess } from './encoding';
import type { EventBatch } from './event-batch';

export type ImportFormat = 'acled' | 'csv' | 'geojson' | 'app-json';

/** A file as the parser reads it: in slices, so a big file is never read whole. */
export interface ImportSource {
  name: string;
  size: number;
  slice(start: number, end: number): Promise<Uint8Array>;
}

export function blobSource(blob: Blob, name: string): ImportSource {
  return {
    name,
    size: blob.size,
    slice: async (start, end) => new Uint8Array(await blob.slice(start, end).arrayBuffer()),
  };
}

export function bytesSource(name: string, bytes: Uint8Array): ImportSource {
  return { name, size: bytes.length, slice: async (start, end) => bytes.subarray(start, Math.min(end, bytes.length)) };
}

/** A row left out, and why. */
export interface RejectedRow {
  /**
   * CSV: the row as a spreadsheet numbers it (the header is row 1; a row with quoted
   * line breaks counts once). GeoJSON: the feature's number (1 = first). App JSON: the
   * entry's number in its list (`section`).
   */
  row: number;
  /** The column (CSV), property or path (JSON) at fault; "(row)" for the whole row. */
  field: string;
  reason: string;
  /** The row as read (CSV cells), or the JSON entry as text. */
  raw: string[];
  /** JSON only: which list the entry is in (features, incidents, places, sources). */
  section?: string;
}

export interface ImportProgress {
  bytesRead: number;
  totalBytes: number;
  rows: number;
  accepted: number;
  rejected: number;
}

/** What a first look at a file found, before its rows are read. */
export interface ImportInspection {
  fileName: string;
  fileSize: number;
  format: ImportFormat;
  encoding: EncodingGuess;
  /** CSV only. */
  csv?: {
    header: string[];
    /** The first few data rows, for the mapping step. */
    preview: string[][];
    delimiter: string;
    headerKind: HeaderKind;
    /** A first guess of the mapping (generic CSV). */
    suggested: ColumnMapping;
  };
}

/** The result of reading a whole file: held by the worker until the user confirms. */
export interface ParsedImport {
  datasetId: string;
  fileName: string;
  fileSize: number;
  format: ImportFormat;
  encoding: EncodingGuess;
  /** CSV header (for the file of rejected rows). */
  header: string[] | null;
  /** Data rows (or features, or JSON entries) read. */
  rowsRead: number;
  /** Point events (ACLED, CSV without origin, GeoJSON points). */
  events: EventBatch | null;
  /** Incidents with their places (CSV with origin, GeoJSON lines, app JSON). Ids already scoped to the dataset. */
  incidents: Incident[];
  places: Place[];
  sources: SourceArticle[];
  rejected: RejectedRow[];
  /** Rejected rows counted (rejected.length stops at MAX_KEPT_REJECTED). */
  rejectedCount: number;
  warnings: string[];
}

/** The report shown before anything is written. Small: safe to post to the page. */
export interface ImportReport {
  fileName: string;
  fileSize: number;
  format: ImportFormat;
  encoding: string;
  encodingReason: string;
  rowsRead: number;
  accepted: number;
  acceptedEvents: number;
  acceptedIncidents: number;
  places: number;
  rejectedCount: number;
  /** The first REPORT_REJECTED_ROWS rejected rows. */
  rejected: RejectedRow[];
  /** All rejected rows (up to MAX_KEPT_REJECTED) as a CSV file; null when none. */
  rejectedCsv: Blob | null;
  eventTypes: { name: string; count: number }[];
  /** First and last date of the accepted rows (YYYY-MM-DD). */
  dateRange: [string, string] | null;
  /** An ACLED file sharing event ids with a stored ACLED dataset: merged into it by default. */
  merge: { datasetId: string; name: string; updated: number; added: number } | null;
  warnings: string[];
}

export interface CommitResult {
  datasetId: string;
  name: string;
  merged: boolean;
  events: number;
  incidents: number;
  places: number;
  /** Merge only. */
  updated?: number;
  added?: number;
}

export const REPORT_REJECTED_ROWS = 200;
export const MAX_KEPT_REJECTED = 100_000;

/** An error to show as is: names the file and, where it applies, the row and field. */
export class ImportError extends Error {
  override name = 'ImportError';
}

export class ImportCancelled extends Error {
  override name = 'ImportCancelled';
  constructor() {
    super('The import was cancelled: nothing was written.');
  }
}
