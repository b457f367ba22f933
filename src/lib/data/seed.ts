/**
 * Seeding IndexedDB with the bundled dataset: on the first visit, and again only when
 * the bundled data changed (its content hash). Runs in one transaction so a failure
 * leaves the database as it was; entries of other datasets are never touched.
 */
import { BUNDLED_DATASET_ID, type IncidentDatabase } from './db';
import type { BundledDataset } from './schema';

export type SeedResult = 'seeded' | 'current';

export async function ensureBundledDataset(
  db: IncidentDatabase,
  hash: string,
  load: () => Promise<BundledDataset>,
): Promise<SeedResult> {
  const existing = await db.datasets.get(BUNDLED_DATASET_ID);
  if (existing?.hash === hash) return 'current';
  const data = await load();
  const datasetId = BUNDLED_DATASET_ID;
  await db.transaction('rw', [db.incidents, db.places, db.sources, db.datasets], async () => {
    // A dataset's records are only ever written together with its datasets row (one
    // transaction), so when there is no row there is nothing of it to remove.
    if (existing) {
      await db.incidents.where('datasetId').equals(datasetId).delete();
      await db.places.where('datasetId').equals(datasetId).delete();
      await db.sources.where('datasetId').equals(datasetId).delete();
    }
    await db.places.bulkPut(data.places.map((p) => ({ ...p, datasetId })));
    await db.sources.bulkPut(data.sources.map((s) => ({ ...s, datasetId })));
    await db.incidents.bulkPut(data.incidents.map((i) => ({ ...i, datasetId })));
    await db.datasets.put({
      id: datasetId,
      kind: 'bundled',
      name: 'Curated incidents from five Arabic articles',
      version: data.version,
      hash,
      loadedAt: new Date().toISOString(),
      visible: existing?.visible ?? true,
      incidentCount: data.incidents.length,
    });
  });
  return 'seeded';
}
