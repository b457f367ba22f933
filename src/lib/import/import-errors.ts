/** Why an import stopped: a clear error (named by code, shown in the interface language), or a cancel. */
import type { MessageParams } from './types';

/** Why an import stopped, as a stable code: the UI shows 'import.error.<code>' with `params`. */
export type ImportErrorCode =
  /** {file} {where} {detail}: a backup that cannot be restored */
  | 'backup-invalid'
  /** {file} */
  | 'file-empty'
  /** {file} */
  | 'file-blank'
  /** {file} */
  | 'no-header'
  /** {file} {columns} */
  | 'acled-incomplete'
  /** {file} */
  | 'mapping-needed'
  /** {file} */
  | 'mapping-invalid'
  /** {file} */
  | 'not-text'
  /** {file} {row} {limit} (millions of characters) */
  | 'unclosed-quote'
  /** {file} */
  | 'no-data-rows'
  /** {file} {blank} */
  | 'no-data-rows-blank'
  /** {file} {detail} */
  | 'invalid-json'
  /** {file} {size} {limit} (MB) */
  | 'json-too-large'
  /** {file} {limit} (levels) */
  | 'json-too-deep'
  /** {file} */
  | 'not-geojson'
  /** {file} */
  | 'no-features'
  /** {file} */
  | 'empty-list'
  /** {file} */
  | 'not-app-json'
  /** {file} */
  | 'json-empty'
  /** {file} */
  | 'nothing-to-import'
  | 'merge-target-gone'
  /** {file} */
  | 'staged-gone'
  /** {file} */
  | 'no-events-to-merge'
  /** {id} */
  | 'dataset-exists'
  | 'storage-full'
  /** {file} {detail} */
  | 'save-failed'
  | 'no-file'
  | 'nothing-to-commit'
  /** {detail} */
  | 'worker-start-failed'
  /** {detail} */
  | 'worker-crashed'
  /** {detail} */
  | 'gazetteer-failed'
  /** {detail} */
  | 'unexpected';

/** An error as the UI shows it: a code and its placeholders' values. */
export interface ImportErrorInfo {
  code: ImportErrorCode;
  params: MessageParams;
}

/**
 * An error to show: names the file and, where it applies, the row and field. The
 * message is in English; `code` and `params` let the UI say it in the interface language.
 */
export class ImportError extends Error {
  override name = 'ImportError';
  constructor(
    message: string,
    readonly code: ImportErrorCode = 'unexpected',
    readonly params: MessageParams = code === 'unexpected' ? { detail: message } : {},
  ) {
    super(message);
  }
}

export class ImportCancelled extends Error {
  override name = 'ImportCancelled';
  constructor() {
    super('The import was cancelled: nothing was written.');
  }
}
