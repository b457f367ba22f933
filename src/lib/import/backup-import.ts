/**
 * Restoring a backup (src/lib/data/backup-format.ts) through the import: the file is read
 * and every record checked in the worker, the report says what it holds, and the restore
 * writes it in ONE transaction: each dataset in the backup replaces the stored dataset of
 * the same id (its incidents, places, sources and events), other datasets stay as they are.
 * A failure, a full disk or a cancel leaves the database exactly as it was.
 */
import type { DatasetRecord, IncidentDatabase } from '../data/db';
import { BACKUP_STORES, BackupFormatError, decodeBackup, type BackupRecords, type BackupStore } from '../data/backup-format';
import { countOrigins } from '../data/event-store';
import { incidentSchema, placeSchema, sourceArticleSchema } from '../data/schema';
import { isQuotaError, QUOTA_MESSAGE } from './commit-import';
import { type CommitResult } from './types';
import { type ImportSource } from './import-source';
import { ImportCancelled, ImportError } from './import-errors';

/** What a backup holds, checked: ready to write. */
export interface RestorePlan {
  records: BackupRecords;
  datasets: DatasetRecord[];
  events: number;
  /** Events with an origin (arcs), among `events`. */
  arcs: number;
  incidents: number;
  places: number;
  /** First and last day of the incidents and events (days since TIME_ORIGIN), for the report. */
  dayRange: [number, number] | null;
}

type Check = (record: Record<string, unknown>) => string | null;

const isString = (v: unknown) => typeof v === 'string' && v.length > 0;
const typed = (v: unknown, type: { new (n: number): ArrayBufferView }, length?: number) =>
  v instanceof type && (length === undefined || (v as unknown as { length: number }).length === length);

/** The first field of a record that is wrong, with why; null when the record is sound. */
const CHECKS: Record<BackupStore, Check> = {
  datasets: (r) =>
    !isString(r['id']) ? 'id: missing' : r['kind'] !== 'bundled' && r['kind'] !== 'import' ? 'kind: not "bundled" or "import"' : typeof r['name'] !== 'string' ? 'name: missing' : typeof r['visible'] !== 'boolean' ? 'visible: not true or false' : null,
  incidents: (r) => schemaIssue(incidentSchema, r),
  places: (r) => schemaIssue(placeSchema, r),
  sources: (r) => schemaIssue(sourceArticleSchema, r),
  eventChunks: (r) => {
    const n = r['length'];
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) return 'length: not a count';
    if (!typed(r['day'], Float32Array, n)) return 'day: not a Float32Array of its length';
    if (!typed(r['lon'], Float32Array, n)) return 'lon: not a Float32Array of its length';
    if (!typed(r['lat'], Float32Array, n)) return 'lat: not a Float32Array of its length';
    if (!typed(r['eventType'], Uint8Array, n)) return 'eventType: not a Uint8Array of its length';
    if (!typed(r['fatalities'], Int32Array, n)) return 'fatalities: not an Int32Array of its length';
    if ((r['originLon'] === undefined) !== (r['originLat'] === undefined)) return 'originLon, originLat: one without the other';
    if (r['originLon'] !== undefined && !typed(r['originLon'], Float32Array, n)) return 'originLon: not a Float32Array of its length';
    if (r['originLat'] !== undefined && !typed(r['originLat'], Float32Array, n)) return 'originLat: not a Float32Array of its length';
    return null;
  },
  eventText: (r) => {
    const n = r['length'];
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) return 'length: not a count';
    if (typeof r['text'] !== 'string') return 'text: missing';
    return typed(r['rowStart'], Uint32Array, n + 1) ? null : 'rowStart: not a Uint32Array of length + 1';
  },
  eventKeys: (r) =>
    typeof r['keys'] !== 'string' ? 'keys: missing' : !typed(r['textBlock'], Uint32Array) ? 'textBlock: not a Uint32Array' : !typed(r['textIndex'], Uint32Array) ? 'textIndex: not a Uint32Array' : null,
};

function schemaIssue(schema: { safeParse(v: unknown): { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } } }, record: Record<string, unknown>): string | null {
  const { datasetId: _datasetId, ...rest } = record;
  const result = schema.safeParse(rest);
  if (result.success) return null;
  const issue = result.error!.issues[0]!;
  return `${issue.path.map(String).join('.') || 'record'}: ${issue.message}`;
}

/** Reads and checks a backup file; throws ImportError naming the file, the entry, the record and the field. */
export async function readBackup(source: ImportSource): Promise<RestorePlan> {
  const bytes = await source.slice(0, source.size);
  let records: BackupRecords;
  try {
    records = decodeBackup(bytes).records;
  } catch (error) {
    if (error instanceof BackupFormatError)
      throw new ImportError(`${source.name}${error.where ? ` (${error.where})` : ''}: ${error.message}. Nothing was imported.`, 'backup-invalid', {
        file: source.name,
        where: error.where,
        detail: error.message,
      });
    throw error;
  }
  const datasetIds = new Set<string>();
  for (const store of BACKUP_STORES) {
    records[store].forEach((record, i) => {
      const where = `stores/${store}.json, record ${i + 1}`;
      const problem = CHECKS[store](record) ?? (store !== 'datasets' && !datasetIds.has(String(record['datasetId'])) ? 'datasetId: not a dataset of this backup' : null) ?? (isString(record['id']) ? null : 'id: missing');
      if (problem) throw new ImportError(`${source.name} (${where}): ${problem}. Nothing was imported.`, 'backup-invalid', { file: source.name, where, detail: problem });
      if (store === 'datasets') datasetIds.add(record['id'] as string);
    });
  }
  let lo = Infinity;
  let hi = -Infinity;
  for (const d of records.datasets as unknown as DatasetRecord[]) {
    if (d.eventDayRange) [lo, hi] = [Math.min(lo, d.eventDayRange[0]), Math.max(hi, d.eventDayRange[1])];
  }
  return {
    records,
    datasets: records.datasets as unknown as DatasetRecord[],
    events: records.eventChunks.reduce((n, c) => n + (c['length'] as number), 0),
    arcs: records.eventChunks.reduce((n, c) => n + countOrigins((c['originLon'] as Float32Array | undefined) ?? null), 0),
    incidents: records.incidents.length,
    places: records.places.length,
    dayRange: Number.isFinite(lo) ? [lo, hi] : null,
  };
}

/** Writes a checked backup, all or nothing. */
export async function commitRestore(db: IncidentDatabase, plan: RestorePlan, fileName: string, signal?: AbortSignal): Promise<CommitResult> {
  const checkCancel = () => {
    if (signal?.aborted) throw new ImportCancelled();
  };
  checkCancel();
  const tables = [...BACKUP_STORES.map((store) => db.table(store)), db.eventSearch];
  try {
    await db.transaction('rw', tables, async () => {
      for (const dataset of plan.datasets) {
        for (const store of BACKUP_STORES) {
          if (store === 'datasets') await db.datasets.delete(dataset.id);
          else await db.table(store).where('datasetId').equals(dataset.id).delete();
        }
        // Not in backups: a restored dataset's search index is built from its text at the first search.
        await db.eventSearch.where('datasetId').equals(dataset.id).delete();
        checkCancel();
      }
      for (const store of BACKUP_STORES) {
        if (plan.records[store].length > 0) await db.table(store).bulkPut(plan.records[store]);
        checkCancel();
      }
    });
  } catch (error) {
    if (error instanceof ImportCancelled || error instanceof ImportError) throw error;
    if (isQuotaError(error)) throw new ImportError(QUOTA_MESSAGE, 'storage-full', {});
    const message = error instanceof Error ? error.message : String(error);
    throw new ImportError(`Could not restore ${fileName}: ${message}. Nothing was imported.`, 'save-failed', { file: fileName, detail: message });
  }
  const first = plan.datasets.find((d) => d.kind === 'import') ?? plan.datasets[0];
  return { datasetId: first?.id ?? '', name: first?.name ?? fileName, merged: false, events: plan.events, arcs: plan.arcs, incidents: plan.incidents, places: plan.places };
}
