import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { readBackupRecords } from '../data/backup';
import { IncidentDatabase } from '../data/db';
import { readEventColumns } from '../data/event-store';
import { stagingLockName, sweepAfterStop, sweepUnpublished } from '../data/unpublished-events';
import { ImportSession, type ImportSessionState } from './import-session';
import { InProcessWorker } from './in-process-worker';
import { StagedEvents } from './staged-events';
import { fixtureFile, fixtureSource, gazetteerPlaces, untilState } from './test-fixtures';
import { inspectSource, parseImport } from './import-core';
import { countMatches, searchRows } from '../search/event-search-index';
import type { SearchIndexer } from '../search/search-indexer';

const databases: IncidentDatabase[] = [];
afterEach(async () => {
  for (const db of databases.splice(0)) await db.delete();
});

function setup() {
  const db = new IncidentDatabase(`staged-${Math.random()}`);
  databases.push(db);
  let stopped = 0;
  const session = new ImportSession({ createWorker: () => new InProcessWorker(db), gazetteer: () => gazetteerPlaces, dbName: db.name, onWorkerStopped: () => stopped++ });
  const until = (test: (s: ImportSessionState) => boolean) => untilState(session, test);
  const counts = async () => ({ datasets: await db.datasets.count(), chunks: await db.eventChunks.count(), text: await db.eventText.count(), keys: await db.eventKeys.count(), search: await db.eventSearch.count() });
  return { db, session, until, counts, stopped: () => stopped };
}

describe('an import written while its file is read', () => {
  it('is in storage before the report, unseen, and the commit only publishes it', async () => {
    const { db, session, until, counts } = setup();
    session.start(fixtureFile('acled-valid.csv'));
    await until((s) => s.phase === 'report');
    const staged = await counts();
    expect(staged).toMatchObject({ datasets: 0 });
    expect(staged.chunks).toBeGreaterThan(0);
    expect(staged.text).toBeGreaterThan(0);
    expect(staged.keys).toBe(staged.chunks);
    // The search index, built while the file was read, is staged with the rows.
    expect(staged.search).toBe(1);
    // Nothing reads a dataset that has no record: a backup leaves it out too.
    expect((await readBackupRecords(db)).eventText).toEqual([]);
    const result = (await session.confirm())!;
    expect(await counts()).toEqual({ ...staged, datasets: 1 });
    const columns = await readEventColumns(db, result.datasetId);
    expect(columns.length).toBe(result.events);
    // Sorted by day, as the commit sorted them before.
    for (let i = 1; i < columns.length; i++) expect(columns.day[i]!).toBeGreaterThanOrEqual(columns.day[i - 1]!);
    expect((await db.datasets.get(result.datasetId))!.eventDayRange).toEqual([columns.day[0], columns.day[columns.length - 1]]);
  });

  it('is removed when the import is cancelled at the report (the worker stopped, its records swept)', async () => {
    const { db, session, until, counts, stopped } = setup();
    session.start(fixtureFile('acled-valid.csv'));
    await until((s) => s.phase === 'report');
    expect((await counts()).text).toBeGreaterThan(0);
    session.cancel();
    expect(stopped()).toBe(1);
    await sweepAfterStop(db);
    expect(await counts()).toEqual({ datasets: 0, chunks: 0, text: 0, keys: 0, search: 0 });
  });

  it('becomes part of the stored dataset when merged into it, leaving nothing staged', async () => {
    const { db, session, until, counts } = setup();
    session.start(fixtureFile('acled-valid.csv'));
    await until((s) => s.phase === 'report');
    const first = (await session.confirm())!;
    const before = await counts();
    session.start(fixtureFile('acled-reimport.csv'));
    const report = (await until((s) => s.phase === 'report')).report!;
    expect(report.merge?.datasetId).toBe(first.datasetId);
    await session.confirm({ merge: true });
    expect((await db.datasets.toArray()).map((d) => d.id)).toEqual([first.datasetId]);
    expect(await sweepUnpublished(db)).toEqual({ removed: [], held: [] });
    expect((await counts()).datasets).toBe(before.datasets);
  });

  it('drops the blocks a first reading wrote beyond the last one of the second', async () => {
    const db = new IncidentDatabase(`staged-${Math.random()}`);
    databases.push(db);
    const stage = new StagedEvents(db, 'import-x');
    for (let i = 0; i < 5; i++) stage.text(i, `row ${i}`, new Uint32Array([0, 6]));
    stage.text(0, 'again', new Uint32Array([0, 6]));
    await stage.finish({ length: 0, blocks: ['again'] } as never, 'x.csv');
    expect((await db.eventText.toArray()).map((r) => [r.id, r.text])).toEqual([['import-x:0', 'again']]);
  });

  it('left by a closed tab is swept, unless an import still holds its lock', async () => {
    const db = new IncidentDatabase(`staged-${Math.random()}`);
    databases.push(db);
    const text = (datasetId: string) => ({ id: `${datasetId}:0`, datasetId, chunkIndex: 0, length: 1, text: 'x', rowStart: new Uint32Array([0, 2]) });
    await db.datasets.put({ id: 'published', kind: 'import', name: 'p', version: '1', hash: 'h', loadedAt: '', visible: true, incidentCount: 0 });
    await db.eventText.bulkPut([text('published'), text('left-behind'), text('still-importing')]);
    const held = async () => new Set([stagingLockName(db.name, 'still-importing')]);
    expect(await sweepUnpublished(db, held)).toEqual({ removed: ['left-behind'], held: ['still-importing'] });
    expect((await db.eventText.toArray()).map((r) => r.datasetId).sort()).toEqual(['published', 'still-importing']);
  });
});

describe('the search index of an import', () => {
  it('is built from the rows when the indexer beside the parser fails', async () => {
    const db = new IncidentDatabase(`staged-${Math.random()}`);
    databases.push(db);
    let blocks = 0;
    const failing: SearchIndexer = { addBlock: () => void blocks++, finish: () => Promise.reject(new Error('worker gone')), dispose: () => undefined };
    const stage = new StagedEvents(db, 'import-x', undefined, failing);
    const source = fixtureSource('acled-valid.csv');
    const parsed = await parseImport(source, await inspectSource(source), { datasetId: 'import-x', gazetteer: gazetteerPlaces, onTextBlock: stage.text });
    await stage.finish(parsed.events, source.name);
    expect(blocks).toBeGreaterThan(0);
    const record = (await db.eventSearch.get('import-x'))!;
    expect(record.rows).toBe(parsed.events!.length);
    expect(countMatches(searchRows(record, 'mayadin')!)).toBeGreaterThan(0);
  });
});

describe('a GeoJSON import (its parser hands no text over while reading)', () => {
  it('has its text stored with its columns, read back row by row after the commit', async () => {
    const { db, session, until } = setup();
    session.start(fixtureFile('features.geojson'));
    await until((s) => s.phase === 'report' || s.phase === 'error');
    const result = await session.confirm();
    expect(result?.events ?? 0).toBeGreaterThan(0);
    const blocks = await db.eventText.where('datasetId').equals(result!.datasetId).toArray();
    expect(blocks.reduce((n, b) => n + b.length, 0)).toBe(result!.events);
  });
});
