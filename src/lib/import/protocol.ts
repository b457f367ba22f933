/**
 * Messages between the page (import-session.ts) and the import worker
 * (import-worker.ts / worker-handler.ts). Only small things cross: the file itself (a
 * Blob: passed by reference), progress, the report and the result. The parsed rows stay
 * in the worker, which also writes them, so the page never holds or clones them.
 */
import type { ColumnMapping } from './columns';
import type { GazetteerPlace } from './gazetteer';
import type { CommitResult, ImportInspection, ImportProgress, ImportReport, MessageParams } from './types';
import type { ImportErrorCode } from './import-errors';

export type ToWorker =
  | { type: 'inspect'; file: Blob; fileName: string }
  | { type: 'parse'; mapping?: ColumnMapping | undefined; gazetteer: GazetteerPlace[]; dbName: string }
  | { type: 'commit'; name?: string | undefined; merge: boolean }
  | { type: 'cancel' };

export type ImportStage = 'inspect' | 'parse' | 'commit';

export type FromWorker =
  | { type: 'inspected'; inspection: ImportInspection }
  | { type: 'progress'; progress: ImportProgress }
  | { type: 'report'; report: ImportReport }
  | { type: 'committed'; result: CommitResult }
  | { type: 'cancelled'; stage: ImportStage }
  /** `message` in English; `code` and `params` for the page to say it in the interface language. */
  | { type: 'error'; stage: ImportStage; message: string; code: ImportErrorCode; params: MessageParams };
