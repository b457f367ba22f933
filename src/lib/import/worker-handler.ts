/**
 * What the import worker does with each message, without the worker itself: the
 * worker file wires it to `self`, the tests to an in-process fake Worker.
 */
import type { IncidentDatabase } from '../data/db';
import { commitImport, findMergeTarget } from './commit-import';
import { buildReport, inspectSource, newDatasetId, parseImport } from './import-core';
import type { FromWorker, ImportStage, ToWorker } from './protocol';
import { type ImportInspection, type ParsedImport } from './types';
import { blobSource, type ImportSource } from './import-source';
import { ImportCancelled, ImportError, type ImportErrorInfo } from './import-errors';
import type { MergePreview } from './import-core';
import { StagedEvents } from './staged-events';
import { InlineIndexer, type SearchIndexer } from '../search/search-indexer';

export interface WorkerEnvironment {
  post(message: FromWorker): void;
  openDatabase(name: string): IncidentDatabase;
  /** Where an import's search index is built while its file is read (default: in this thread). */
  createIndexer?(): SearchIndexer;
}

function errorOf(error: unknown): { message: string } & ImportErrorInfo {
  if (error instanceof ImportError) return { message: error.message, code: error.code, params: error.params };
  const detail = error instanceof Error ? error.message : String(error);
  return { message: `Unexpected error: ${detail}`, code: 'unexpected', params: { detail } };
}

export function createImportHandler(env: WorkerEnvironment): (message: ToWorker) => Promise<void> {
  let source: ImportSource | null = null;
  let inspection: ImportInspection | null = null;
  let parsed: ParsedImport | null = null;
  let merge: MergePreview | null = null;
  let db: IncidentDatabase | null = null;
  let controller: AbortController | null = null;
  /** The events of the file being read, written as they are parsed (published by the commit). */
  let stage: StagedEvents | null = null;

  const fail = (stage: ImportStage, error: unknown) => {
    if (error instanceof ImportCancelled) env.post({ type: 'cancelled', stage });
    else env.post({ type: 'error', stage, ...errorOf(error) });
  };

  return async (message) => {
    switch (message.type) {
      case 'inspect': {
        try {
          source = blobSource(message.file, message.fileName);
          inspection = await inspectSource(source);
          env.post({ type: 'inspected', inspection });
        } catch (error) {
          fail('inspect', error);
        }
        return;
      }
      case 'parse': {
        if (!source || !inspection) return env.post({ type: 'error', stage: 'parse', message: 'No file to read.', code: 'no-file', params: {} });
        controller = new AbortController();
        try {
          db ??= env.openDatabase(message.dbName);
          await stage?.discard();
          const datasetId = newDatasetId();
          // A backup is restored as it is, in one transaction: nothing to write while reading.
          stage = inspection.format === 'backup' ? null : new StagedEvents(db, datasetId, undefined, env.createIndexer?.() ?? new InlineIndexer());
          await stage?.hold();
          parsed = await parseImport(source, inspection, {
            datasetId,
            gazetteer: message.gazetteer,
            mapping: message.mapping,
            signal: controller.signal,
            onProgress: (progress) => env.post({ type: 'progress', progress }),
            ...(stage ? { onTextBlock: stage.text } : {}),
          });
          if (stage) parsed.staged = await stage.finish(parsed.events, source.name);
          merge = await findMergeTarget(db, parsed);
          env.post({ type: 'report', report: buildReport(parsed, merge) });
        } catch (error) {
          parsed = null;
          await stage?.discard().catch(() => undefined);
          stage = null;
          fail('parse', error);
        } finally {
          controller = null;
        }
        return;
      }
      case 'commit': {
        if (!parsed || !db) return env.post({ type: 'error', stage: 'commit', message: 'Nothing to import.', code: 'nothing-to-commit', params: {} });
        controller = new AbortController();
        try {
          const result = await commitImport(db, parsed, {
            name: message.name,
            mergeInto: message.merge && merge ? merge.datasetId : null,
            signal: controller.signal,
          });
          parsed = null;
          stage?.release();
          stage = null;
          env.post({ type: 'committed', result });
        } catch (error) {
          // Nothing was published: what was written while the file was read goes too.
          await stage?.discard().catch(() => undefined);
          stage = null;
          fail('commit', error);
        } finally {
          controller = null;
        }
        return;
      }
      case 'cancel':
        controller?.abort();
        return;
    }
  };
}
