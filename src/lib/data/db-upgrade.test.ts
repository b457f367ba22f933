import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { IncidentDatabase, SCHEMA_VERSIONS } from './db';

describe('schema upgrades', () => {
  it('keep every dataset a user stored under the first schema version', async () => {
    const name = `upgrade-${Math.random()}`;
    const [firstVersion, firstStores] = SCHEMA_VERSIONS[0]!;
    const old = new Dexie(name);
    old.version(firstVersion).stores(firstStores);
    await old.table('datasets').put({ id: 'import-1', kind: 'import', name: 'my file', version: '1', hash: 'h', loadedAt: '', visible: false, incidentCount: 1 });
    await old.table('incidents').put({ id: 'mine-1', date: '2022-08-24', datasetId: 'import-1', targetId: 'conoco', title: { en: 'mine', ar: 'لي' } });
    old.close();

    const db = new IncidentDatabase(name);
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSIONS.at(-1)![0]);
    expect(await db.datasets.get('import-1')).toMatchObject({ name: 'my file', visible: false });
    expect(await db.incidents.get('mine-1')).toMatchObject({ targetId: 'conoco', title: { ar: 'لي' } });
    // The index added by the upgrade answers queries over the old records.
    const inRange = await db.incidents.where('[datasetId+date]').between(['import-1', '2022-08-01'], ['import-1', '2022-09-01']).toArray();
    expect(inRange.map((i) => i.id)).toEqual(['mine-1']);
    await db.delete();
  });
});
