import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { IncidentDatabase } from '../data/db';
import { readEventColumns } from '../data/event-store';
import { ImportSession, type ImportSessionState } from './import-session';
import { fixtureFile, gazetteerPlaces } from './test-fixtures';
import { InProcessWorker } from './in-process-worker';


const databases: IncidentDatabase[] = [];
afterEach(async () => {
  for (const db of databases.splice(0)) await db.delete();
});

function setup() {
  const db = new IncidentDatabase(`session-${Math.random()}`);
  databases.push(db);
  const workers: InProcessWorker[] = [];
  const session = new ImportSession({
    createWorker: () => {
      const worker = new InProcessWorker(db);
      workers.push(worker);
      return worker;
    },
    gazetteer: async () => gazetteerPlaces,
    dbName: db.name,
  });
  const phases: ImportSessionState['phase'][] = [];
  session.subscribe((state) => {
    if (phases.at(-1) !== state.phase) phases.push(state.phase);
  });
  const until = async (check: (state: ImportSessionState) => boolean): Promise<ImportSessionState> => {
    for (let i = 0; i < 500 && !check(session.state); i++) await new Promise((r) => setTimeout(r, 5));
    if (!check(session.state)) throw new Error(`stuck in ${session.state.phase}: ${session.state.message}`);
    return session.state;
  };
  return { db, session, workers, phases, until };
}

describe('an import session', () => {
  it('reads an ACLED file, reports, and writes it on confirm', async () => {
    const { db, session, workers, phases, until } = setup();
    session.start(fixtureFile('acled-valid.csv'));
    const state = await until((s) => s.phase === 'report');
    expect(state.report).toMatchObject({ fileName: 'acled-valid.csv', format: 'acled', accepted: 20, rejectedCount: 0, merge: null, rejectedCsv: null });
    expect(await db.datasets.count()).toBe(0);
    const result = await session.confirm({ name: 'Syria' });
    expect(result).toMatchObject({ name: 'Syria', events: 20, merged: false });
    expect(session.state.phase).toBe('done');
    expect(phases).toEqual(['idle', 'inspecting', 'parsing', 'report', 'committing', 'done']);
    expect(workers[0]!.terminated).toBe(true);
    expect((await readEventColumns(db, result!.datasetId)).length).toBe(20);
  });

  it('asks for a column mapping for other CSVs, then reads with it', async () => {
    const { db, session, until } = setup();
    session.start(fixtureFile('generic-origins.csv'));
    const state = await until((s) => s.phase === 'mapping');
    expect(state.inspection!.csv!.header[0]).toBe('Date');
    session.applyMapping(state.inspection!.csv!.suggested);
    const report = (await until((s) => s.phase === 'report')).report!;
    expect(report).toMatchObject({ acceptedEvents: 6, acceptedArcs: 4, acceptedIncidents: 0, rejectedCount: 2 });
    expect(report.rejected.map((r) => [r.row, r.field])).toEqual([[6, 'Launched from'], [9, 'Date']]);
    expect(report.rejectedCsv).toBeInstanceOf(Blob);
    await session.confirm();
    expect(await db.eventChunks.count()).toBe(1);
    expect((await db.datasets.toArray()).map((d) => d.arcCount ?? 0)).toContain(4);
  });

  it('shows a clear error for a file that cannot be imported, and writes nothing', async () => {
    const { db, session, workers, until } = setup();
    session.start(fixtureFile('empty.csv'));
    expect(await until((s) => s.phase === 'error')).toMatchObject({
      message: 'empty.csv is empty (0 bytes).',
      error: { code: 'file-empty', params: { file: 'empty.csv' } },
    });
    session.start(fixtureFile('acled-missing-columns.csv'));
    expect((await until((s) => s.phase === 'error')).message).toMatch(/lacks the columns latitude, longitude/);
    expect(workers.every((w) => w.terminated)).toBe(true);
    expect(await db.datasets.count()).toBe(0);
  });

  it('cancels while reading: the worker is stopped and nothing is written', async () => {
    const { db, session, workers } = setup();
    let cancelled = false;
    session.subscribe((s) => {
      if (s.phase === 'parsing' && !cancelled) {
        cancelled = true;
        session.cancel();
      }
    });
    session.start(fixtureFile('acled-valid.csv'));
    await new Promise((r) => setTimeout(r, 20));
    expect(cancelled).toBe(true);
    expect(session.state).toMatchObject({ phase: 'cancelled', message: 'Import cancelled: nothing was written.' });
    expect(workers[0]!.terminated).toBe(true);
    expect(await session.confirm()).toBeNull();
    await new Promise((r) => setTimeout(r, 50));
    expect(await db.datasets.count()).toBe(0);
  });

  it('cancels at the report without writing', async () => {
    const { db, session, until } = setup();
    session.start(fixtureFile('acled-valid.csv'));
    await until((s) => s.phase === 'report');
    session.cancel();
    expect(session.state.phase).toBe('cancelled');
    expect(await db.datasets.count()).toBe(0);
  });

  it('cancels during the write by rolling the transaction back', async () => {
    const { db, session, workers, until } = setup();
    session.start(fixtureFile('acled-valid.csv'));
    await until((s) => s.phase === 'report');
    const pending = session.confirm();
    // Another file cannot start while this one is being written.
    expect(session.start(fixtureFile('acled-bom.csv'))).toBe(false);
    session.cancel();
    expect(workers[0]!.sent).toEqual(['inspect', 'parse', 'commit', 'cancel']);
    expect(await pending).toBeNull();
    expect(session.state.phase).toBe('cancelled');
    expect(await db.datasets.count()).toBe(0);
    expect(await db.eventChunks.count()).toBe(0);
  });

  it('offers to merge a re-imported ACLED file, and merges on confirm', async () => {
    const { db, session, until } = setup();
    session.start(fixtureFile('acled-valid.csv'));
    await until((s) => s.phase === 'report');
    const first = await session.confirm({ name: 'ACLED' });
    session.start(fixtureFile('acled-reimport.csv'));
    const report = (await until((s) => s.phase === 'report')).report!;
    expect(report.merge).toEqual({ datasetId: first!.datasetId, name: 'ACLED', updated: 10, added: 5 });
    const result = await session.confirm({ merge: true });
    expect(result).toMatchObject({ datasetId: first!.datasetId, merged: true, events: 25 });
    expect(await db.datasets.count()).toBe(1);
  });

  it('reports a worker that dies', async () => {
    const { session, workers } = setup();
    session.start(fixtureFile('acled-valid.csv'));
    workers[0]!.onerror!({ message: 'out of memory', preventDefault() {} } as ErrorEvent);
    expect(session.state).toMatchObject({
      phase: 'error',
      message: 'The import stopped unexpectedly (out of memory): nothing was written.',
      error: { code: 'worker-crashed', params: { detail: 'out of memory' } },
    });
  });
});
