import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { normalizeText } from '../analysis/normalize-text';
import { IncidentDatabase } from '../data/db';
import { readEventText } from '../data/event-store';
import { deleteDataset } from '../import/datasets';
import { ImportSession, type ImportSessionState } from '../import/import-session';
import { InProcessWorker } from '../import/in-process-worker';
import { fixtureFile, gazetteerPlaces, untilState } from '../import/test-fixtures';
import { SEARCHED_FIELDS } from './event-search-index';
import { createSearchService, type SearchAnswer } from './event-search-service';

const databases: IncidentDatabase[] = [];
afterEach(async () => {
  for (const db of databases.splice(0)) await db.delete();
});

async function imported(files: string[], options: { merge?: boolean } = {}) {
  const db = new IncidentDatabase(`search-${Math.random()}`);
  databases.push(db);
  const session = new ImportSession({ createWorker: () => new InProcessWorker(db), gazetteer: () => gazetteerPlaces, dbName: db.name });
  const until = (test: (s: ImportSessionState) => boolean) => untilState(session, test);
  let datasetId = '';
  for (const file of files) {
    session.start(fixtureFile(file));
    await until((s) => s.phase === 'report');
    datasetId = (await session.confirm({ merge: options.merge ?? false }))!.datasetId;
  }
  return { db, datasetId };
}

/** The rows whose searched fields hold every word, read one by one from storage: what the index must answer. */
async function expected(db: IncidentDatabase, datasetId: string, query: string): Promise<number[]> {
  const rows = (await db.datasets.get(datasetId))!.eventCount!;
  const words = normalizeText(query).split(' ');
  const out: number[] = [];
  for (let r = 0; r < rows; r++) {
    const text = await readEventText(db, datasetId, r);
    const haystack = normalizeText(SEARCHED_FIELDS.map((f) => text[f as keyof typeof text] ?? '').join(' '));
    if (words.every((w) => haystack.includes(w))) out.push(r);
  }
  return out;
}

async function ask(db: IncidentDatabase, datasetId: string, query: string, service = createSearchService(() => db)) {
  const dataset = (await db.datasets.get(datasetId))!;
  const answer = (await service({ type: 'search', id: 1, dbName: db.name, query, datasets: [{ id: datasetId, version: dataset.updatedAt ?? dataset.loadedAt, rows: dataset.eventCount! }] })) as Extract<SearchAnswer, { type: 'result' }>;
  expect(answer.type).toBe('result');
  const mask = answer.matches[0]!.mask;
  return { answer, rows: [...mask].flatMap((m, i) => (m ? [i] : [])) };
}

describe('searching imported events', () => {
  it('answers from the index stored by the import, row for row as reading each row would', async () => {
    const { db, datasetId } = await imported(['acled-valid.csv']);
    expect(await db.eventSearch.get(datasetId)).toBeDefined();
    for (const query of ['mayadin', 'Islamic Revolutionary', 'omar oil', 'deir', 'markup quoted', 'xyz']) {
      const { rows, answer } = await ask(db, datasetId, query);
      expect(rows, query).toEqual(await expected(db, datasetId, query));
      expect(answer.built).toEqual([]);
      expect(answer.matches[0]!.count).toBe(rows.length);
    }
    expect((await ask(db, datasetId, 'mayadin')).rows.length).toBeGreaterThan(0);
  });

  it('folds Arabic in imported notes and places', async () => {
    const { db, datasetId } = await imported(['acled-windows-1256.csv']);
    const { rows } = await ask(db, datasetId, 'المَيادين');
    expect(rows.length).toBeGreaterThan(0);
    expect(rows).toEqual(await expected(db, datasetId, 'الميادين'));
  });

  it('builds the index from the stored text when a dataset has none (stored before search, or restored), and stores it', async () => {
    const { db, datasetId } = await imported(['acled-valid.csv']);
    const stored = await db.eventSearch.get(datasetId);
    await db.eventSearch.delete(datasetId);
    const { rows, answer } = await ask(db, datasetId, 'mayadin');
    expect(answer.built).toEqual([datasetId]);
    expect(rows).toEqual(await expected(db, datasetId, 'mayadin'));
    const rebuilt = (await db.eventSearch.get(datasetId))!;
    expect(rebuilt.vocabulary.split('\n').sort()).toEqual(stored!.vocabulary.split('\n').sort());
    expect((await ask(db, datasetId, 'mayadin')).answer.built).toEqual([]);
  });

  it('follows a merge: the merged rows are searched, the index replaced in the same transaction', async () => {
    const { db, datasetId } = await imported(['acled-valid.csv', 'acled-reimport.csv'], { merge: true });
    expect(await db.datasets.count()).toBe(1);
    expect(await db.eventSearch.count()).toBe(1);
    for (const query of ['mayadin', 'conoco', 'islamic']) expect((await ask(db, datasetId, query)).rows, query).toEqual(await expected(db, datasetId, query));
  });

  it('goes with its dataset when the dataset is deleted', async () => {
    const { db, datasetId } = await imported(['acled-valid.csv']);
    expect(await db.eventSearch.count()).toBe(1);
    await deleteDataset(db, datasetId);
    expect(await db.eventSearch.count()).toBe(0);
  });
});
