import 'fake-indexeddb/auto';
import { liveQuery } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { BUNDLED_DATASET_ID, IncidentDatabase, type DatasetRecord } from '../data/db';
import { readEventColumns } from '../data/event-store';
import { commitImport } from './commit-import';
import { deleteDataset, listDatasets, readGazetteer, renameDataset, setDatasetVisible } from './datasets';
import { inspectSource, parseImport } from './import-core';
import { fixtureSource, gazetteerPlaces } from './test-fixtures';

const databases: IncidentDatabase[] = [];
afterEach(async () => {
  for (const db of databases.splice(0)) {
    db.close();
    await db.delete();
  }
});

async function setup() {
  const name = `datasets-${Math.random()}`;
  const db = new IncidentDatabase(name);
  databases.push(db);
  await db.datasets.put({ id: BUNDLED_DATASET_ID, kind: 'bundled', name: 'Curated', version: '1', hash: 'h', loadedAt: '2020-01-01', visible: true, incidentCount: 0 });
  await db.places.bulkPut(gazetteerPlaces.slice(0, 3).map((p) => ({ ...p, kind: 'base' as const, description: '', uncertaintyKm: 1, estimated: false, coordSource: 'x', datasetId: BUNDLED_DATASET_ID })));
  const ids: string[] = [];
  for (const file of ['acled-valid.csv', 'generic-origins.csv']) {
    const source = fixtureSource(file);
    const inspection = await inspectSource(source);
    const mapping = inspection.csv?.headerKind.kind === 'generic' ? inspection.csv.suggested : undefined;
    const parsed = await parseImport(source, inspection, { datasetId: `import-${ids.length}`, gazetteer: gazetteerPlaces, mapping });
    ids.push((await commitImport(db, parsed, { now: new Date(Date.UTC(2026, 0, 1 + ids.length)) })).datasetId);
  }
  return { db, name, acled: ids[0]!, generic: ids[1]! };
}

describe('managing datasets', () => {
  it('lists the bundled dataset first, then imports in the order they came', async () => {
    const { db, acled, generic } = await setup();
    expect((await listDatasets(db)).map((d) => d.id)).toEqual([BUNDLED_DATASET_ID, acled, generic]);
  });

  it('renames, refusing an empty name', async () => {
    const { db, acled } = await setup();
    await renameDataset(db, acled, '  ACLED, eastern Syria  ');
    expect((await db.datasets.get(acled))!.name).toBe('ACLED, eastern Syria');
    await expect(renameDataset(db, acled, '   ')).rejects.toThrow('A dataset needs a name.');
    await expect(renameDataset(db, 'import-none', 'x')).rejects.toThrow('No dataset import-none');
  });

  it('hides and shows', async () => {
    const { db, acled } = await setup();
    await setDatasetVisible(db, acled, false);
    expect((await db.datasets.get(acled))!.visible).toBe(false);
    await setDatasetVisible(db, acled, true);
    expect((await db.datasets.get(acled))!.visible).toBe(true);
  });

  it('deletes a dataset with everything it holds, and nothing else', async () => {
    const { db, acled, generic } = await setup();
    const genericIncidents = await db.incidents.where('datasetId').equals(generic).count();
    expect(await deleteDataset(db, acled)).toEqual({ incidents: 0, places: 0, sources: 0, eventChunks: 1 });
    expect(await db.datasets.get(acled)).toBeUndefined();
    for (const table of [db.eventChunks, db.eventText, db.eventKeys]) expect(await table.where('datasetId').equals(acled).count()).toBe(0);
    expect((await readEventColumns(db, acled)).length).toBe(0);
    const counts = await deleteDataset(db, generic);
    expect(counts.incidents).toBe(genericIncidents);
    expect(await db.incidents.count()).toBe(0);
    expect((await db.places.toArray()).every((p) => p.datasetId === BUNDLED_DATASET_ID)).toBe(true);
    await expect(deleteDataset(db, BUNDLED_DATASET_ID)).rejects.toThrow('cannot be deleted');
  });

  it('persists, and another connection (another tab) sees every change through liveQuery', async () => {
    const { db, name, acled } = await setup();
    const other = new IncidentDatabase(name);
    databases.push(other);
    const seen: DatasetRecord[][] = [];
    const subscription = liveQuery(() => other.datasets.toArray()).subscribe((value) => seen.push(value));
    const waitFor = async (check: (list: DatasetRecord[]) => boolean) => {
      for (let i = 0; i < 200 && !(seen.length > 0 && check(seen.at(-1)!)); i++) await new Promise((r) => setTimeout(r, 10));
      expect(check(seen.at(-1)!)).toBe(true);
    };
    await waitFor((list) => list.length === 3);
    await renameDataset(db, acled, 'Renamed elsewhere');
    await waitFor((list) => list.find((d) => d.id === acled)?.name === 'Renamed elsewhere');
    await setDatasetVisible(db, acled, false);
    await waitFor((list) => list.find((d) => d.id === acled)?.visible === false);
    await deleteDataset(db, acled);
    await waitFor((list) => !list.some((d) => d.id === acled));
    subscription.unsubscribe();
  });

  it('reads the gazetteer from the bundled places only', async () => {
    const { db } = await setup();
    const gazetteer = await readGazetteer(db);
    expect(gazetteer.map((p) => p.id)).toEqual(gazetteerPlaces.slice(0, 3).map((p) => p.id).sort());
  });
});
