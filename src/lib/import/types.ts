/** Types shared by the import pipeline: the parser core, the worker, the session and the UI. */
import type { ArcPlace } from '../data/db';
import type { Incident, Place, SourceArticle } from '../data/schema';
import type { HeaderKind, ColumnMapping } from './columns';
import type { DateErrorCode } from './dates';
import type { EncodingGuess } from './encoding';
import type { EventBatch } from './event-batch';

import type { RestorePlan } from './backup-import';

export type ImportFormat = 'acled' | 'csv' | 'geojson' | 'app-json' | 'backup';

/**
 * Values for the placeholders of a translated message (src/lib/i18n/messages-import.ts).
 * Row numbers and the file's own values are passed as text, so they read as in the file.
 */
export type MessageParams = Record<string, string | number>;

/**
 * Why a row was left out, as a stable code: the UI shows 'import.reject.<code>' in the
 * interface language; `reason` keeps the English text (for the file of rejected rows).
 */
export type RejectCode =
  | 'missing-field'
  | 'not-a-number'
  /** {value} */
  | 'latitude-out-of-range'
  /** {value} */
  | 'longitude-out-of-range'
  | 'zero-coordinates'
  /** {value} */
  | 'not-whole-number'
  /** {first}: the row where the id was first seen. */
  | 'duplicate-id-row'
  /** {first}: the feature where the id was first seen. */
  | 'duplicate-id-feature'
  /** {id} */
  | 'duplicate-place-id'
  /** {id} */
  | 'duplicate-source-id'
  /** {id} */
  | 'duplicate-incident-id'
  /** {name}: not in the gazetteer. */
  | 'unknown-place-name'
  /** {id} */
  | 'unknown-place-id'
  | DateErrorCode
  | 'unclosed-quote'
  | 'malformed-quotes'
  /** {count} {expected} */
  | 'wrong-field-count'
  | 'not-a-feature'
  /** {type} */
  | 'unsupported-geometry'
  | 'line-too-short'
  | SchemaProblemCode;

/** What the app's schema found wrong with a record (see schema-problem.ts). */
export type SchemaProblemCode =
  | 'schema-type'
  | 'schema-empty'
  /** {limit} */
  | 'schema-too-small'
  /** {limit} */
  | 'schema-too-big'
  | 'schema-format'
  | 'schema-date-format'
  | 'schema-id-format'
  /** {values} */
  | 'schema-value'
  /** {keys} */
  | 'schema-keys'
  | 'schema-origin-certainty'
  | 'schema-end-before-date'
  | 'schema-count-order'
  | 'schema-rule'
  | 'schema-invalid';

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
  /** In English (the file of rejected rows). */
  reason: string;
  /** The reason as a code, for the UI to translate, with its placeholders' values. */
  code: RejectCode;
  params?: MessageParams;
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
  /** Events as columns (ACLED, other CSV, GeoJSON): points, and arcs where a row has an origin. */
  events: EventBatch | null;
  /** The named ends of the arcs among the events, counted (src/lib/import/arc-places.ts). */
  arcPlaces: ArcPlace[];
  /** Incidents with their places (the app's JSON). Ids already scoped to the dataset. */
  incidents: Incident[];
  places: Place[];
  sources: SourceArticle[];
  rejected: RejectedRow[];
  /** Rejected rows counted (rejected.length stops at MAX_KEPT_REJECTED). */
  rejectedCount: number;
  warnings: ImportWarning[];
  /** A backup of every dataset (format 'backup'): restored as it is, replacing datasets of the same id. */
  restore?: RestorePlan;
  /**
   * The events are already in storage under `datasetId`, with no dataset record yet (written while
   * the file was read: staged-events.ts); the commit only publishes them.
   */
  staged?: { chunks: number; dayRange: [number, number] | null };
}

/** Something the user should know about an import that still goes ahead. */
export interface ImportWarning {
  /**
   * 'rejected-truncated' {count} {kept}; 'place-parent-missing' {place} {parent};
   * 'source-link-dropped' {incident} {entry} {source} {article}.
   */
  code: 'rejected-truncated' | 'place-parent-missing' | 'source-link-dropped';
  params: MessageParams;
  /** In English. */
  text: string;
}

/** The report shown before anything is written. Small: safe to post to the page. */
export interface ImportReport {
  fileName: string;
  fileSize: number;
  format: ImportFormat;
  encoding: string;
  encodingReason: string;
  /** The same, as codes (for the UI to translate). */
  encodingGuess: EncodingGuess;
  rowsRead: number;
  accepted: number;
  acceptedEvents: number;
  acceptedIncidents: number;
  /** Accepted events with an origin: drawn as arcs. */
  acceptedArcs: number;
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
  warnings: ImportWarning[];
  /** A backup: the names of the datasets it restores (each replaces a stored dataset of the same id). */
  datasets?: string[];
}

export interface CommitResult {
  datasetId: string;
  name: string;
  merged: boolean;
  events: number;
  /** Events drawn as arcs (among `events`). */
  arcs: number;
  incidents: number;
  places: number;
  /** Merge only. */
  updated?: number;
  added?: number;
}

export const REPORT_REJECTED_ROWS = 200;
export const MAX_KEPT_REJECTED = 100_000;
