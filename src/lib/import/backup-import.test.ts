import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { createBackup } from '../data/backup';
import { IncidentDatabase } from '../data/db';
import { ensureBundledDataset } from '../data/seed';
import { loadBundledDataset } from '../data/bundled-dataset';
import { commitImport } from './commit-import';
import { inspectSource, parseImport } from './import-core';
import { fixtureSource, gazetteerPlaces } from './test-fixtures';
import { bytesSource } from './import-source';
import { ImportError } from './import-errors';

const databases: IncidentDatabase[] = [];
afterEach(async () => {
  for (const db of databases.splice(0)) await db.delete();
});

function createDatabase(): IncidentDatabase {
  const db = new IncidentDatabase(`backup-${Math.random()}`);
  databases.push(db);
  return db;
}

/** Every record of every store, typed arrays included. */
async function snapshot(db: IncidentDatabase): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const table of db.tables) out[table.name] = await table.orderBy(':id').toArray();
  return out;
}

async function importFixture(db: IncidentDatabase, name: string, datasetId: string): Promise<void> {
  const source = fixtureSource(name);
  const inspection = await inspectSource(source);
  const mapping = inspection.csv?.headerKind.kind === 'generic' ? inspection.csv.suggested : undefined;
  await commitImport(db, await parseImport(source, inspection, { datasetId, gazetteer: gazetteerPlaces, mapping }));
}

async function createFilledDatabase(): Promise<IncidentDatabase> {
  const db = createDatabase();
  await ensureBundledDataset(db, 'test-hash', async () => loadBundledDataset());
  await importFixture(db, 'acled-valid.csv', 'import-acled');
  await importFixture(db, 'generic-origins.csv', 'import-arcs');
  return db;
}

async function restore(db: IncidentDatabase, bytes: Uint8Array, name = 'backup.zip') {
  const source = bytesSource(name, bytes);
  const inspection = await inspectSource(source);
  const parsed = await parseImport(source, inspection, { datasetId: 'unused', gazetteer: gazetteerPlaces });
  return commitImport(db, parsed);
}

describe('a backup', () => {
  it('restores into an empty database identical, record by record, typed arrays included', async () => {
    const db = await createFilledDatabase();
    const before = await snapshot(db);
    expect(before['eventChunks']!.length).toBeGreaterThan(0);
    const bytes = new Uint8Array(await (await createBackup(db)).arrayBuffer());
    const fresh = createDatabase();
    const result = await restore(fresh, bytes);
    // 20 ACLED rows, and 6 rows of the file with origins, 4 of them arcs (launch points restored with them).
    expect(result).toMatchObject({ events: 26, arcs: 4 });
    // Search indexes are not in backups: a restored dataset's is built from its text at the first search.
    expect(before['eventSearch']!.length).toBe(2);
    const after = await snapshot(fresh);
    expect(after['eventSearch']).toEqual([]);
    expect({ ...after, eventSearch: before['eventSearch'] }).toEqual(before);
  });

  it('replaces a stored dataset of the same id and leaves the others alone', async () => {
    const db = await createFilledDatabase();
    const bytes = new Uint8Array(await (await createBackup(db)).arrayBuffer());
    const before = await snapshot(db);
    // Changed since the backup: a dataset renamed, another imported.
    await db.datasets.update('import-acled', { name: 'renamed' });
    await importFixture(db, 'acled-other-dates.csv', 'import-later');
    await restore(db, bytes);
    const after = await snapshot(db);
    expect((await db.datasets.get('import-acled'))!.name).not.toBe('renamed');
    expect(await db.datasets.get('import-later')).toBeDefined();
    expect(after['eventChunks']!.filter((c) => (c as { datasetId: string }).datasetId !== 'import-later')).toEqual(before['eventChunks']);
  });

  it('is refused with the file, the entry, the record and the field named, and nothing written', async () => {
    const db = await createFilledDatabase();
    const files = unzipSync(new Uint8Array(await (await createBackup(db)).arrayBuffer()));
    const incidents = JSON.parse(new TextDecoder().decode(files['stores/incidents.json'])) as Record<string, unknown>[];
    incidents[2]!['date'] = '2022-13-45';
    files['stores/incidents.json'] = strToU8(JSON.stringify(incidents));
    const broken = zipSync(files);
    const target = createDatabase();
    const before = await snapshot(target);
    const error = await restore(target, broken, 'my-backup.zip').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).message).toMatch(/^my-backup\.zip \(stores\/incidents\.json, record 3\): date/);
    expect(await snapshot(target)).toEqual(before);
  });

  it('is refused when a zip is not a backup of this app', async () => {
    const zip = zipSync({ 'readme.txt': strToU8('hello') });
    const error = await restore(createDatabase(), zip, 'photos.zip').catch((e: unknown) => e);
    expect((error as ImportError).message).toContain('photos.zip');
    expect((error as ImportError).message).toContain('not a backup of this app');
  });
});
