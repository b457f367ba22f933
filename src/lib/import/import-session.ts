/**
 * One import, as the page sees it: start a worker for a file, follow its progress,
 * ask for a column mapping when the file needs one, show the report, confirm or
 * cancel. Framework-free (the dialog subscribes to it); the Worker is injectable so
 * that tests can run the whole protocol in Node.
 *
 * Phases: idle -> inspecting -> (mapping) -> parsing -> report -> committing -> done,
 * or cancelled / error from any of them. Nothing is written before `confirm`.
 */
import { DATABASE_NAME } from '../data/db';
import type { ColumnMapping } from './columns';
import type { GazetteerPlace } from './gazetteer';
import type { FromWorker, ToWorker } from './protocol';
import type { CommitResult, ImportInspection, ImportProgress, ImportReport } from './types';
import type { ImportErrorInfo } from './import-errors';

/** The part of a Worker the session uses. */
export interface WorkerLike {
  postMessage(message: ToWorker): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<FromWorker>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

export type ImportPhase = 'idle' | 'inspecting' | 'mapping' | 'parsing' | 'report' | 'committing' | 'done' | 'cancelled' | 'error';

export interface ImportSessionState {
  phase: ImportPhase;
  fileName: string | null;
  inspection: ImportInspection | null;
  progress: ImportProgress | null;
  report: ImportReport | null;
  result: CommitResult | null;
  /** A message for the user (in English) when phase is 'error' or 'cancelled'. */
  message: string | null;
  /** When phase is 'error': the same as a code, for the UI to say in the interface language. */
  error: ImportErrorInfo | null;
}

export interface ImportSessionOptions {
  /** Default: the module worker import-worker.ts. */
  createWorker?: () => WorkerLike;
  /** Places to match place names against (readGazetteer(db)). */
  gazetteer: () => Promise<GazetteerPlace[]> | GazetteerPlace[];
  dbName?: string;
  /**
   * A worker was stopped before it finished (a cancel, a closed dialog, another file): what it
   * had written while reading is left for this to remove (staged-events.ts, sweepAfterStop).
   */
  onWorkerStopped?: () => void;
}

export function createImportWorker(): WorkerLike {
  return new Worker(new URL('./import-worker.ts', import.meta.url), { type: 'module', name: 'import' }) as unknown as WorkerLike;
}

const INITIAL: ImportSessionState = {
  phase: 'idle',
  fileName: null,
  inspection: null,
  progress: null,
  report: null,
  result: null,
  message: null,
  error: null,
};

/** Accepted file extensions (the picker's accept attribute). */
export { ACCEPTED_FILES } from './accepted-files';

export class ImportSession {
  #state: ImportSessionState = INITIAL;
  #listeners = new Set<(state: ImportSessionState) => void>();
  #worker: WorkerLike | null = null;
  #options: ImportSessionOptions;
  #pendingCommit: ((result: CommitResult | null) => void) | null = null;

  constructor(options: ImportSessionOptions) {
    this.#options = options;
  }

  get state(): ImportSessionState {
    return this.#state;
  }

  /** Called now and at every change; returns the unsubscribe function. */
  subscribe(listener: (state: ImportSessionState) => void): () => void {
    this.#listeners.add(listener);
    listener(this.#state);
    return () => this.#listeners.delete(listener);
  }

  #set(patch: Partial<ImportSessionState>): void {
    this.#state = { ...this.#state, ...patch };
    for (const l of this.#listeners) l(this.#state);
  }

  get busy(): boolean {
    return ['inspecting', 'parsing', 'committing'].includes(this.#state.phase);
  }

  /**
   * Starts reading a file; an import not yet confirmed is dropped first. Refused (false)
   * while one is being written: it must finish or be cancelled.
   */
  start(file: Blob, fileName = (file as File).name ?? 'file'): boolean {
    if (this.#state.phase === 'committing') return false;
    this.#stopWorker();
    this.#state = { ...INITIAL, phase: 'inspecting', fileName };
    this.#set({});
    let worker: WorkerLike;
    try {
      worker = (this.#options.createWorker ?? createImportWorker)();
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      this.#set({ phase: 'error', message: `Could not start the import: ${detail}`, error: { code: 'worker-start-failed', params: { detail } } });
      return false;
    }
    this.#worker = worker;
    worker.onmessage = (event) => {
      if (this.#worker === worker) this.#receive(event.data);
    };
    worker.onerror = (event) => {
      if (this.#worker !== worker) return;
      event.preventDefault?.();
      const detail = event.message || 'worker error';
      this.#fail(`The import stopped unexpectedly (${detail}): nothing was written.`, { code: 'worker-crashed', params: { detail } });
    };
    worker.postMessage({ type: 'inspect', file, fileName });
    return true;
  }

  /** For a CSV that is not ACLED: read it with this mapping. */
  applyMapping(mapping: ColumnMapping): void {
    if (this.#state.phase !== 'mapping') return;
    void this.#parse(mapping);
  }

  async #parse(mapping?: ColumnMapping): Promise<void> {
    const worker = this.#worker;
    if (!worker) return;
    this.#set({ phase: 'parsing', progress: null });
    let gazetteer: GazetteerPlace[];
    try {
      gazetteer = await this.#options.gazetteer();
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      this.#fail(`Could not read the gazetteer: ${detail}`, { code: 'gazetteer-failed', params: { detail } });
      return;
    }
    if (this.#worker !== worker || this.#state.phase !== 'parsing') return;
    worker.postMessage({ type: 'parse', mapping, gazetteer, dbName: this.#options.dbName ?? DATABASE_NAME });
  }

  /**
   * Writes the accepted rows (one transaction). `merge`: an ACLED file sharing ids with
   * a stored ACLED dataset updates it (default) rather than making a new one.
   * Resolves with the result, or null when it failed or was cancelled (see state).
   */
  confirm(options: { name?: string; merge?: boolean } = {}): Promise<CommitResult | null> {
    const worker = this.#worker;
    if (this.#state.phase !== 'report' || !worker) return Promise.resolve(null);
    if (!this.#state.report || this.#state.report.acceptedEvents + this.#state.report.acceptedIncidents + this.#state.report.places === 0)
      return Promise.resolve(null);
    this.#set({ phase: 'committing' });
    worker.postMessage({ type: 'commit', name: options.name, merge: options.merge ?? true });
    return new Promise((resolve) => (this.#pendingCommit = resolve));
  }

  /**
   * Cancels. Before the commit the worker is stopped at once (nothing was written);
   * during the commit the worker rolls the transaction back, unless it had already
   * committed (then the state says 'done').
   */
  cancel(): void {
    const phase = this.#state.phase;
    if (phase === 'committing') {
      this.#worker?.postMessage({ type: 'cancel' });
      return;
    }
    if (phase === 'inspecting' || phase === 'mapping' || phase === 'parsing' || phase === 'report') {
      this.#stopWorker();
      this.#set({ phase: 'cancelled', message: 'Import cancelled: nothing was written.' });
    }
  }

  /** Back to idle (closing the dialog). Cancels what is not committed. */
  reset(): void {
    if (this.#state.phase === 'committing') return this.cancel();
    this.#stopWorker();
    this.#state = INITIAL;
    this.#set({});
  }

  dispose(): void {
    if (this.#state.phase === 'committing') this.cancel();
    else this.#stopWorker();
    this.#listeners.clear();
  }

  #stopWorker(): void {
    const worker = this.#worker;
    worker?.terminate();
    this.#worker = null;
    if (worker) this.#options.onWorkerStopped?.();
    this.#resolveCommit(null);
  }

  #resolveCommit(result: CommitResult | null): void {
    const resolve = this.#pendingCommit;
    this.#pendingCommit = null;
    resolve?.(result);
  }

  #fail(message: string, error: ImportErrorInfo): void {
    this.#stopWorker();
    this.#set({ phase: 'error', message, error });
  }

  #receive(message: FromWorker): void {
    switch (message.type) {
      case 'inspected': {
        const csv = message.inspection.csv;
        this.#set({ inspection: message.inspection });
        if (csv && csv.headerKind.kind === 'generic') this.#set({ phase: 'mapping' });
        else void this.#parse();
        return;
      }
      case 'progress':
        if (this.#state.phase === 'parsing') this.#set({ progress: message.progress });
        return;
      case 'report':
        this.#set({ phase: 'report', report: message.report });
        return;
      case 'committed':
        this.#worker?.terminate();
        this.#worker = null;
        this.#set({ phase: 'done', result: message.result, message: null });
        this.#resolveCommit(message.result);
        return;
      case 'cancelled':
        this.#stopWorker();
        this.#set({ phase: 'cancelled', message: 'Import cancelled: nothing was written.' });
        return;
      case 'error':
        this.#fail(message.message, { code: message.code, params: message.params });
        return;
    }
  }
}

/**
 * A whole file through a session with no one to ask (the command line, a published map's data):
 * a CSV that needs its columns chosen is read with the ones the dialog would suggest
 * (`onSuggested` is told), the report is accepted as it is. Resolves with the report and what
 * was written; rejects with the session's message. `format`: refuse a file that is not of it.
 */
export async function importUnattended(
  session: ImportSession,
  file: Blob,
  fileName: string,
  options: { merge?: boolean; format?: ImportInspection['format']; onSuggested?: () => void } = {},
): Promise<{ report: ImportReport; result: CommitResult }> {
  const state = await new Promise<ImportSessionState>((resolve) => {
    const stop = session.subscribe((s) => {
      if (options.format && s.inspection && s.inspection.format !== options.format) {
        queueMicrotask(() => stop());
        session.cancel();
        resolve({ ...s, phase: 'error', message: `${fileName}: not a ${options.format} file` });
      } else if (s.phase === 'mapping' && s.inspection?.csv) {
        options.onSuggested?.();
        session.applyMapping(s.inspection.csv.suggested);
      } else if (s.phase === 'report' || s.phase === 'error' || s.phase === 'cancelled') {
        queueMicrotask(() => stop());
        resolve(s);
      }
    });
    session.start(file, fileName);
  });
  if (state.phase !== 'report' || !state.report) throw new Error(state.message ?? `${fileName}: could not be read`);
  const result = await session.confirm({ merge: options.merge ?? true });
  if (!result) throw new Error(session.state.message ?? `${fileName}: nothing to import`);
  return { report: state.report, result };
}
