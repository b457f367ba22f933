/**
 * The IndexedDB database (Dexie) and its versions. Every store keeps the dataset an
 * entry came from, so the bundled data can be replaced without touching imports.
 * Schema changes add a new `db.version(n)` below the old ones, never edit them:
 * Dexie upgrades a user's database in place and keeps their data.
 */
import Dexie, { type EntityTable } from 'dexie';
import type { Incident, Place, SourceArticle } from './schema';
import type { EventSearchIndex } from '../search/event-search-index';

/* The stored shapes of imported events (read and written by event-store.ts and the importer). */

export interface EventChunkRecord {
  /** `${datasetId}:${chunkIndex}` */
  id: string;
  datasetId: string;
  chunkIndex: number;
  length: number;
  day: Float32Array;
  lon: Float32Array;
  lat: Float32Array;
  eventType: Uint8Array;
  fatalities: Int32Array;
  /** Launch points of rows that are arcs (NaN for a point); absent when the dataset has no arcs. */
  originLon?: Float32Array;
  originLat?: Float32Array;
}

/**
 * A block of event text: the rows of one piece of the imported file, in file order.
 * One string holds them all: each row's fields (TEXT_FIELDS order) joined by U+001F,
 * and the rows joined by U+001F too; row k is text.slice(rowStart[k], rowStart[k + 1] - 1)
 * (rowStart has length + 1 entries). Stored as the importer built it, never copied
 * again: one string per block is far cheaper to store and load than an object per row.
 * `chunkIndex` numbers the blocks; they do not line up with the column chunks.
 */
export interface EventTextRecord {
  id: string;
  datasetId: string;
  chunkIndex: number;
  length: number;
  text: string;
  rowStart: Uint32Array;
}

/**
 * Per column chunk: the rows' ids (event_id_cnty for ACLED), joined by U+001F, and
 * where each row's text is (block number and row within it). Read by readEventText and
 * by a re-import that merges, never on load.
 */
export interface EventKeyRecord {
  id: string;
  datasetId: string;
  chunkIndex: number;
  keys: string;
  textBlock: Uint32Array;
  textIndex: Uint32Array;
}

/**
 * The search index of a dataset's imported events (src/lib/search/event-search-index.ts),
 * one record per dataset (id: the dataset's id). Built while the file is read; absent for
 * datasets stored before it (or restored from a backup): then built from the stored text
 * on the first search.
 */
export interface EventSearchRecord extends EventSearchIndex {
  id: string;
  datasetId: string;
}

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
  /** Imports (docs/IMPORT.md): what the file was. */
  format?: 'acled' | 'csv' | 'geojson' | 'app-json' | 'backup';
  /** Name of the file imported last (a merged ACLED dataset keeps the latest). */
  fileName?: string;
  /** Text encoding the file was read with ('utf-8', 'windows-1256'...). */
  encoding?: string;
  /** Imported point events stored as columns in eventChunks (0 or absent: none). */
  eventCount?: number;
  /** Event type names; eventChunks' eventType column indexes into this list. */
  eventTypes?: string[];
  /** Rows per event chunk (every chunk but the last holds exactly this many). */
  eventChunkRows?: number;
  /** First and last day (days since TIME_ORIGIN) of the events. */
  eventDayRange?: [number, number];
  /** Events with an origin, drawn as arcs (0 or absent: none). */
  arcCount?: number;
  /** The named ends of those arcs, counted (src/lib/import/arc-places.ts): the map's labels for them. */
  arcPlaces?: ArcPlace[];
  /** Rows rejected by the last import into this dataset. */
  rejectedCount?: number;
  /** When an import last changed it (ISO time). */
  updatedAt?: string;
}

/** A named end of imported arcs: one label and one ring, however many arcs share it. */
export interface ArcPlace {
  name: { en: string; ar: string };
  lon: number;
  lat: number;
  /** 'target' when any arc ends there. */
  role: 'origin' | 'target';
  /** Arcs that start or end there. */
  arcs: number;
  /** The gazetteer place the file named, when it matched one. */
  placeId?: string;
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
  // 3: imported point events (ACLED...) as chunks of columns, their text and their ids (docs/IMPORT.md).
  [3, { eventChunks: 'id, datasetId', eventText: 'id, datasetId', eventKeys: 'id, datasetId' }],
  // 4: the search index of imported events, one record per dataset (issue 22).
  [4, { eventSearch: 'id, datasetId' }],
];

export class IncidentDatabase extends Dexie {
  incidents!: EntityTable<StoredIncident, 'id'>;
  places!: EntityTable<StoredPlace, 'id'>;
  sources!: EntityTable<StoredSource, 'id'>;
  datasets!: EntityTable<DatasetRecord, 'id'>;
  eventChunks!: EntityTable<EventChunkRecord, 'id'>;
  eventText!: EntityTable<EventTextRecord, 'id'>;
  eventKeys!: EntityTable<EventKeyRecord, 'id'>;
  eventSearch!: EntityTable<EventSearchRecord, 'id'>;

  constructor(name = DATABASE_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    for (const [version, stores] of SCHEMA_VERSIONS) this.version(version).stores(stores);
  }
}
