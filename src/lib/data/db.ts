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

export class IncidentDatabase extends Dexie {
  incidents!: EntityTable<StoredIncident, 'id'>;
  places!: EntityTable<StoredPlace, 'id'>;
  sources!: EntityTable<StoredSource, 'id'>;
  datasets!: EntityTable<DatasetRecord, 'id'>;

  constructor(name = 'syria-strikes-map', options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    this.version(1).stores({
      incidents: 'id, date, targetId, originId, datasetId, kind, status',
      places: 'id, datasetId',
      sources: 'id, datasetId',
      datasets: 'id, kind',
    });
  }
}
