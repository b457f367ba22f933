import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { ImportSession } from '../import/import-session';
import { InProcessWorker } from '../import/in-process-worker';
import { fixtureFile, gazetteerPlaces, untilState } from '../import/test-fixtures';
import { IncidentDatabase } from './db';
import { answerColumnsRequest, columnBuffers, createEventColumnsReader, type EventColumnsAnswer, type EventColumnsRequest, type WorkerLike } from './event-columns-reader';
import { readVisibleEventColumns } from './event-store';

const databases: IncidentDatabase[] = [];
afterEach(async () => {
  for (const db of databases.splice(0)) await db.delete();
});

async function withImport(): Promise<IncidentDatabase> {
  const db = new IncidentDatabase(`columns-${Math.random()}`);
  databases.push(db);
  const session = new ImportSession({ createWorker: () => new InProcessWorker(db), gazetteer: () => gazetteerPlaces, dbName: db.name });
  session.start(fixtureFile('acled-valid.csv'));
  await untilState(session, (s) => s.phase === 'report');
  await session.confirm({ merge: false });
  return db;
}

/** A worker run in this process: answers as event-columns-worker.ts does, its buffers moved (transferred) as postMessage would. */
function inProcessWorker(db: IncidentDatabase, sent: ArrayBuffer[][]): WorkerLike {
  const worker: WorkerLike = {
    onmessage: null,
    onerror: null,
    postMessage(request: EventColumnsRequest) {
      void answerColumnsRequest(db, request).then((answer) => {
        const transfer = answer.type === 'columns' ? columnBuffers(answer.columns) : [];
        sent.push(transfer);
        const moved = structuredClone(answer, { transfer }) as EventColumnsAnswer;
        worker.onmessage?.({ data: moved } as MessageEvent<EventColumnsAnswer>);
      });
    },
  };
  return worker;
}

describe('reading imported events off the page thread', () => {
  it('hands over the same columns as a read on the page, their buffers transferred rather than copied', async () => {
    const db = await withImport();
    const sent: ArrayBuffer[][] = [];
    const reader = createEventColumnsReader(() => inProcessWorker(db, sent));
    const columns = await reader.read(db);
    expect(columns.length).toBe(1);
    expect(columns[0]!.length).toBeGreaterThan(0);
    expect(columns).toEqual(await readVisibleEventColumns(db));
    // The worker's copies are gone (detached): nothing was copied.
    expect(sent[0]!.length).toBeGreaterThanOrEqual(5);
    expect(sent[0]!.every((buffer) => buffer.byteLength === 0)).toBe(true);
  });

  it('reads on the page when no worker can be started, and when the worker stops', async () => {
    const db = await withImport();
    const expected = await readVisibleEventColumns(db);
    const refused = createEventColumnsReader(() => {
      throw new Error('workers are not allowed here');
    });
    expect(await refused.read(db)).toEqual(expected);

    let starts = 0;
    const crashing = createEventColumnsReader(() => {
      starts++;
      const worker: WorkerLike = {
        onmessage: null,
        onerror: null,
        postMessage() {
          queueMicrotask(() => worker.onerror?.({ message: 'out of memory', preventDefault() {} } as ErrorEvent));
        },
      };
      return worker;
    });
    expect(await crashing.read(db)).toEqual(expected);
    expect(await crashing.read(db)).toEqual(expected);
    // Not started again after it failed.
    expect(starts).toBe(1);
  });

  it('says why when the read itself fails, as a read on the page would', async () => {
    const db = await withImport();
    const reader = createEventColumnsReader(() => {
      const worker: WorkerLike = {
        onmessage: null,
        onerror: null,
        postMessage(request: EventColumnsRequest) {
          queueMicrotask(() => worker.onmessage?.({ data: { id: request.id, type: 'error', message: 'the database was deleted' } } as MessageEvent<EventColumnsAnswer>));
        },
      };
      return worker;
    });
    await expect(reader.read(db)).rejects.toThrow('the database was deleted');
  });
});
