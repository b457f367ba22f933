import 'fake-indexeddb/auto';
import Dexie, { type DBCore, type DBCoreMutateRequest } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { BUNDLED_DATASET_ID, IncidentDatabase } from '../data/db';
import { readEventColumns, readEventText, readVisibleEventColumns } from '../data/event-store';
import { dayNumber } from '../timeline/incident-time';
import { commitImport, findMergeTarget, isQuotaError, QUOTA_MESSAGE } from './commit-import';
import { inspectSource, parseImport } from './import-core';
import { fixtureSource, gazetteerPlaces } from './test-fixtures';
import { type ParsedImport } from './types';
import { ImportCancelled } from './import-errors';
import { suggestMapping } from './columns';

const databases: IncidentDatabase[] = [];
afterEach(async () => {
  for (const db of databases.splice(0)) await db.delete();
});

function createDatabase(): IncidentDatabase {
  const db = new IncidentDatabase(`commit-${Math.random()}`);
  databases.push(db);
  return db;
}

let counter = 0;
async function parseFixture(name: string, datasetId = `import-t${++counter}`): Promise<ParsedImport> {
  const source = fixtureSource(name);
  const inspection = await inspectSource(source);
  const mapping = inspection.csv?.headerKind.kind === 'generic' ? inspection.csv.suggested : undefined;
  return parseImport(source, inspection, { datasetId, gazetteer: gazetteerPlaces, mapping });
}

/** Everything in the database, to compare before and after. */
async function snapshot(db: IncidentDatabase): Promise<unknown> {
  const out: Record<string, unknown> = {};
  for (const table of db.tables) out[table.name] = await table.toArray();
  return out;
}

async function seedSomething(db: IncidentDatabase): Promise<void> {
  await commitImport(db, await parseFixture('acled-valid.csv', 'import-existing'));
  await db.places.put({ id: 'conoco', name: { en: 'Conoco', ar: 'كونيكو' }, altNames: [], kind: 'base', description: '', lon: 40.3, lat: 35.3, uncertaintyKm: 1, estimated: false, coordSource: 'x', datasetId: BUNDLED_DATASET_ID });
}

/**
 * A DBCore middleware that fails writes to one table, the way a full disk would, once
 * armed (middlewares are set up before the database opens).
 */
function failWritesTo(db: IncidentDatabase, tableName: string, error: () => Error): () => void {
  let armed = false;
  db.use({
    stack: 'dbcore',
    name: `fail-${tableName}`,
    create: (down: DBCore): DBCore => ({
      ...down,
      table(name) {
        const table = down.table(name);
        if (name !== tableName) return table;
        return { ...table, mutate: (req: DBCoreMutateRequest) => (armed && (req.type === 'add' || req.type === 'put') ? Promise.reject(error()) : table.mutate(req)) };
      },
    }),
  });
  return () => void (armed = true);
}

describe('committing an import', () => {
  it('writes ACLED events as chunks that read back as columns and text', async () => {
    const db = createDatabase();
    const parsed = await parseFixture('acled-valid.csv');
    const result = await commitImport(db, parsed, { name: '  My ACLED  ', chunkRows: 6, now: new Date('2026-01-02T03:04:05Z') });
    expect(result).toEqual({ datasetId: parsed.datasetId, name: 'My ACLED', merged: false, events: 20, arcs: 0, incidents: 0, places: 0 });
    const dataset = await db.datasets.get(parsed.datasetId);
    expect(dataset).toMatchObject({
      kind: 'import',
      name: 'My ACLED',
      visible: true,
      format: 'acled',
      fileName: 'acled-valid.csv',
      encoding: 'utf-8',
      eventCount: 20,
      eventChunkRows: 6,
      incidentCount: 0,
      loadedAt: '2026-01-02T03:04:05.000Z',
      eventTypes: ['Explosions/Remote violence', 'Battles', 'Protests', 'Strategic developments'],
    });
    expect(await db.eventChunks.count()).toBe(4);
    const columns = await readEventColumns(db, parsed.datasetId);
    expect(columns.length).toBe(20);
    expect(columns.eventTypes).toEqual(dataset!.eventTypes);
    expect([...columns.day]).toEqual([...columns.day].sort((a, b) => a - b));
    expect(dataset!.eventDayRange).toEqual([columns.day[0], columns.day[19]]);
    // Every row's text matches its columns.
    for (let row = 0; row < 20; row++) {
      const text = await readEventText(db, parsed.datasetId, row);
      expect(dayNumber(text.date)).toBe(columns.day[row]);
      expect(columns.eventTypes[columns.eventType[row]!]).toBe(text.eventType);
      expect(text.fatalities).toBe(columns.fatalities[row]! < 0 ? null : columns.fatalities[row]);
    }
    const markup = await Promise.all(Array.from({ length: 20 }, (_, row) => readEventText(db, parsed.datasetId, row)));
    expect(markup.find((t) => t.id === 'SYR1002')!.notes).toContain('<img src=x onerror=alert(1)>');
    await expect(readEventText(db, parsed.datasetId, 20)).rejects.toThrow(RangeError);
    expect((await readVisibleEventColumns(db)).map((c) => c.datasetId)).toEqual([parsed.datasetId]);
  });

  it('writes arcs as columns with their launch points, and their named ends on the dataset; no incident or place records', async () => {
    const db = createDatabase();
    const parsed = await parseFixture('generic-origins.csv');
    const result = await commitImport(db, parsed, { chunkRows: 4 });
    expect(result).toMatchObject({ events: 6, arcs: 4, incidents: 0, places: 0 });
    expect(await db.incidents.where('datasetId').equals(parsed.datasetId).count()).toBe(0);
    expect(await db.places.where('datasetId').equals(parsed.datasetId).count()).toBe(0);
    const dataset = await db.datasets.get(parsed.datasetId);
    expect(dataset).toMatchObject({ incidentCount: 0, eventCount: 6, arcCount: 4, format: 'csv' });
    expect(dataset!.arcPlaces).toEqual(parsed.arcPlaces);
    // Read back across two chunks: sorted by day, each row's launch point with it (NaN for points).
    const columns = await readEventColumns(db, parsed.datasetId);
    expect(columns).toMatchObject({ length: 6, arcCount: 4 });
    const texts = await Promise.all(Array.from({ length: 6 }, (_, row) => readEventText(db, parsed.datasetId, row)));
    expect(texts.map((t) => t.id)).toEqual(['row-2', 'row-3', 'row-4', 'row-5', 'row-7', 'row-8']);
    expect(Array.from(columns.originLon!, (v) => Number.isNaN(v))).toEqual([false, false, false, false, true, true]);
    expect(texts[1]).toMatchObject({ origin: 'الميادين', date: '2023-10-20' });
  });

  it("writes the app's JSON with its places, never touching the bundled ids", async () => {
    const db = createDatabase();
    const parsed = await parseFixture('app-dataset.json');
    await commitImport(db, parsed);
    expect((await db.incidents.toArray()).map((i) => i.id)).toEqual(parsed.incidents.map((i) => i.id).sort());
    expect(await db.places.get(`${parsed.datasetId}-my-launch-site`)).toMatchObject({ datasetId: parsed.datasetId });
  });

  it('leaves the database exactly as it was when a write fails half way', async () => {
    const db = createDatabase();
    const arm = failWritesTo(db, 'eventText', () => new Error('disk on fire'));
    await seedSomething(db);
    const before = await snapshot(db);
    arm();
    const parsed = await parseFixture('acled-reimport.csv');
    await expect(commitImport(db, parsed, { mergeInto: null })).rejects.toThrow(/^Could not save acled-reimport.csv: .*disk on fire.*Nothing was imported.$/);
    expect(await snapshot(db)).toEqual(before);
  });

  it('says the storage is full on a quota error, and rolls back (a merge too)', async () => {
    const db = createDatabase();
    const arm = failWritesTo(db, 'eventKeys', () => new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
    await seedSomething(db);
    const before = await snapshot(db);
    arm();
    const parsed = await parseFixture('acled-reimport.csv');
    const target = await findMergeTarget(db, parsed);
    await expect(commitImport(db, parsed, { mergeInto: target!.datasetId })).rejects.toThrow(QUOTA_MESSAGE);
    expect(await snapshot(db)).toEqual(before);
    expect(isQuotaError(new Dexie.QuotaExceededError('full'))).toBe(true);
    expect(isQuotaError({ name: 'AbortError', inner: { name: 'QuotaExceededError' } })).toBe(true);
    expect(isQuotaError(new Error('other'))).toBe(false);
  });

  it('writes nothing when cancelled', async () => {
    const db = createDatabase();
    await seedSomething(db);
    const before = await snapshot(db);
    const controller = new AbortController();
    controller.abort();
    await expect(commitImport(db, await parseFixture('acled-valid.csv'), { signal: controller.signal })).rejects.toBeInstanceOf(ImportCancelled);
    // Cancelled while writing: after the chunks, before the text.
    const late = new AbortController();
    db.eventChunks.hook('creating', () => late.abort());
    await expect(commitImport(db, await parseFixture('acled-valid.csv'), { signal: late.signal })).rejects.toBeInstanceOf(ImportCancelled);
    expect(await snapshot(db)).toEqual(before);
  });

  it('merges a re-imported ACLED file by event_id_cnty instead of duplicating it', async () => {
    const db = createDatabase();
    const first = await parseFixture('acled-valid.csv');
    await commitImport(db, first, { name: 'ACLED Syria' });
    await db.datasets.update(first.datasetId, { visible: false });
    const again = await parseFixture('acled-reimport.csv');
    const target = await findMergeTarget(db, again);
    expect(target).toEqual({ datasetId: first.datasetId, name: 'ACLED Syria', updated: 10, added: 5 });
    const result = await commitImport(db, again, { mergeInto: target!.datasetId });
    expect(result).toMatchObject({ datasetId: first.datasetId, merged: true, events: 25, updated: 10, added: 5 });
    expect(await db.datasets.count()).toBe(1);
    const dataset = (await db.datasets.get(first.datasetId))!;
    expect(dataset).toMatchObject({ name: 'ACLED Syria', visible: false, eventCount: 25, fileName: 'acled-reimport.csv' });
    const columns = await readEventColumns(db, first.datasetId);
    const texts = await Promise.all(Array.from({ length: columns.length }, (_, row) => readEventText(db, first.datasetId, row)));
    const ids = texts.map((t) => t.id);
    expect(new Set(ids).size).toBe(25);
    // Re-imported rows carry the new values; rows the new file lacks are kept.
    expect(texts.find((t) => t.id === 'SYR1003')!.fatalities).toBe(7);
    expect(texts.find((t) => t.id === 'SYR1015')!.fatalities).toBe(0);
    expect(ids).toContain('SYR9004');
    // Importing the same file again changes nothing but the counts.
    const third = await parseFixture('acled-reimport.csv');
    expect(await findMergeTarget(db, third)).toMatchObject({ updated: 15, added: 0 });
  });

  it('can import an overlapping ACLED file as a separate dataset when asked', async () => {
    const db = createDatabase();
    await commitImport(db, await parseFixture('acled-valid.csv'));
    const again = await parseFixture('acled-reimport.csv');
    await commitImport(db, again, { mergeInto: null });
    expect(await db.datasets.count()).toBe(2);
    expect((await readEventColumns(db, again.datasetId)).length).toBe(15);
  });

  it('refuses to merge into a dataset deleted meanwhile', async () => {
    const db = createDatabase();
    const parsed = await parseFixture('acled-valid.csv');
    await expect(commitImport(db, parsed, { mergeInto: 'import-gone' })).rejects.toThrow('The dataset to merge into is gone');
    expect(await db.datasets.count()).toBe(0);
  });

  it('finds no merge target for files that are not ACLED or share no ids', async () => {
    const db = createDatabase();
    await commitImport(db, await parseFixture('acled-valid.csv'));
    expect(await findMergeTarget(db, await parseFixture('acled-windows-1256.csv'))).toBeNull();
    expect(await findMergeTarget(db, await parseFixture('generic-origins.csv'))).toBeNull();
    expect(suggestMapping(['date']).date).toBe(0);
  });
});
