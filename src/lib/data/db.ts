/**
 * The IndexedDB database (Dexie) and its versions. Every store keeps the dataset an
 * entry came from, so the bundled data can be replaced without touching imports.
 * Schema changes add a new `db.version(n)` below the old ones, never edit them:
 * Dexie upgrades a user's database in place and keeps their data.
 */
import Dexie, { type EntityTable } from 'dexie';
import type { Incident, Place, SourceArticle } from './schema';

export const BUNDLED_DATASET_ID = 'bundled';

export type DatasetKind = 'bundled' | 'import';

export interface DatasetRecord {
  id: string;
  kind: DatasetKind;
  name: string;
  /** Version declared by the dataset's author. */
  version: string;
  /** Content hash of what was loaded; the bundled dataset is re-seeded when it changes. */
  hash: string;
  loadedAt: string;
  visible: boolean;
  incidentCount: number;
}

export type StoredIncident = Incident & { datasetId: string };
export type StoredPlace = Place & { datasetId: string };
export type StoredSource = SourceArticle & { datasetId: string };

export const DATABASE_NAME = 'syria-strikes-map';

/**
 * Every version of the stores, oldest first. Append, never edit: a user's database is
 * upgraded from whatever version it holds, and Dexie keeps the records through it.
 */
export const SCHEMA_VERSIONS: readonly (readonly [number, Record<string, string | null>])[] = [
  [
    1,
    {
      incidents: 'id, date, targetId, originId, datasetId, kind, status',
      places: 'id, datasetId',
      sources: 'id, datasetId',
      datasets: 'id, kind',
    },
  ],
  // 2: incidents of one dataset in date order, for dataset-scoped range queries.
  [2, { incidents: 'id, date, targetId, originId, datasetId, kind, status, [datasetId+date]' }],
];

export class IncidentDatabase extends Dexie {
  incidents!: EntityTable<StoredIncident, 'id'>;
  places!: EntityTable<StoredPlace, 'id'>;
  sources!: EntityTable<StoredSource, 'id'>;
  datasets!: EntityTable<DatasetRecord, 'id'>;

  constructor(name = DATABASE_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    for (const [version, stores] of SCHEMA_VERSIONS) this.version(version).stores(stores);
  }
}
