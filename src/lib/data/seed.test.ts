import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { BUNDLED_DATASET_ID, IncidentDatabase } from './db';
import { ensureBundledDataset } from './seed';
import type { BundledDataset, Incident, Place } from './schema';
import { createIncident as incidentOf, createPlace as placeOf } from './test-factories';

const createPlace = (id: string, lon = 40.4, lat = 35.1): Place => placeOf(id, { lon, lat });

const createIncident = (id: string, date = '2021-06-28'): Incident => incidentOf(id, { date });

function createDataset(version: string, incidentIds: string[]): BundledDataset {
  return { version, places: [createPlace('origin'), createPlace('target')], incidents: incidentIds.map((id) => createIncident(id)), sources: [] };
}

const databases: IncidentDatabase[] = [];
function createDatabase(): IncidentDatabase {
  const db = new IncidentDatabase(`test-${Math.random()}`);
  databases.push(db);
  return db;
}
afterEach(async () => {
  for (const db of databases.splice(0)) await db.delete();
});

describe('ensureBundledDataset', () => {
  it('loads the bundled dataset on the first visit', async () => {
    const db = createDatabase();
    const result = await ensureBundledDataset(db, 'hash-1', async () => createDataset('1', ['a', 'b']));
    expect(result).toBe('seeded');
    expect(await db.incidents.count()).toBe(2);
    expect((await db.datasets.get(BUNDLED_DATASET_ID))?.hash).toBe('hash-1');
  });

  it('does not load it again while the hash is unchanged', async () => {
    const db = createDatabase();
    await ensureBundledDataset(db, 'hash-1', async () => createDataset('1', ['a']));
    let loaded = false;
    const result = await ensureBundledDataset(db, 'hash-1', async () => {
      loaded = true;
      return createDataset('1', ['a']);
    });
    expect(result).toBe('current');
    expect(loaded).toBe(false);
  });

  it('replaces the bundled incidents when the hash changes, keeping imported ones', async () => {
    const db = createDatabase();
    await ensureBundledDataset(db, 'hash-1', async () => createDataset('1', ['a', 'b']));
    await db.datasets.put({ id: 'import-1', kind: 'import', name: 'mine', version: '1', hash: 'x', loadedAt: '', visible: true, incidentCount: 1 });
    await db.incidents.put({ ...createIncident('mine'), datasetId: 'import-1' });
    await ensureBundledDataset(db, 'hash-2', async () => createDataset('2', ['c']));
    const ids = (await db.incidents.toArray()).map((i) => i.id).sort();
    expect(ids).toEqual(['c', 'mine']);
    expect((await db.datasets.get(BUNDLED_DATASET_ID))?.version).toBe('2');
  });

  it('leaves the database as it was when loading the new data fails', async () => {
    const db = createDatabase();
    await ensureBundledDataset(db, 'hash-1', async () => createDataset('1', ['a']));
    const broken = createDataset('2', ['b']);
    // Two records with one key inside one bulkPut: the write fails mid-transaction.
    broken.places.push({ ...createPlace('x'), id: undefined as unknown as string });
    await expect(ensureBundledDataset(db, 'hash-2', async () => broken)).rejects.toThrow();
    expect((await db.incidents.toArray()).map((i) => i.id)).toEqual(['a']);
    expect((await db.datasets.get(BUNDLED_DATASET_ID))?.hash).toBe('hash-1');
  });
});
