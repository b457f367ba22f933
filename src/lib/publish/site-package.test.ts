import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { strFromU8, strToU8, unzipSync } from 'fflate';
import { BACKUP_STORES, decodeBackup, type BackupRecords } from '../data/backup-format';
import { IncidentDatabase } from '../data/db';
import { createStoredIncident, createStoredPlace } from '../data/test-factories';
import { InProcessWorker } from '../import/in-process-worker';
import { parseSiteConfig } from './site-config';
import { ensureSiteData } from './site-data';
import { siteFolderName, writeSite } from './site-package';
import { workerFiles } from './site-worker';

const WORKER = '// Generated\nconst PREFIX = "strikes-map-";\nconst CACHE = "strikes-map-1";\nconst FILES = ["./","./assets/app-1.js","./assets/font.woff2"];\n// ---- end of the constants ----\n\nself.addEventListener("fetch", () => {});\n';
const FILES: Record<string, Uint8Array> = {
  'index.html': strToU8('<!doctype html><html><head><script>warm()</script></head><body></body></html>'),
  'assets/app-1.js': strToU8('console.log("app")'),
  'assets/font.woff2': new Uint8Array([7, 7, 7]),
};

function records(hash = 'h1', extra: Partial<BackupRecords> = {}): BackupRecords {
  const empty = Object.fromEntries(BACKUP_STORES.map((s) => [s, []])) as unknown as BackupRecords;
  return {
    ...empty,
    datasets: [{ id: 'bundled', kind: 'bundled', name: 'Curated', version: '1', hash, loadedAt: '2026-01-01', visible: true, incidentCount: 1 }],
    incidents: [createStoredIncident('i1', { originId: 'p1', targetId: 'p2' }) as unknown as Record<string, unknown>],
    places: [createStoredPlace('p1') as unknown as Record<string, unknown>, createStoredPlace('p2') as unknown as Record<string, unknown>],
    ...extra,
  };
}

async function publish(id: string, recs = records()) {
  const chunks: Uint8Array[] = [];
  const site = await writeSite(
    { workerSource: WORKER, readFile: async (path) => FILES[path]! },
    { title: 'Eastern Syria: strikes', search: '?from=2022-08-01&lang=ar&style=https://x.example/s.json', hash: '#map=7/34/40', bounds: [38, 33, 42, 36], records: recs, createdAt: new Date('2026-12-03T10:00:00Z'), id },
    (chunk) => chunks.push(chunk),
  );
  const bytes = new Uint8Array(chunks.reduce((n, c) => n + c.byteLength, 0));
  let at = 0;
  for (const c of chunks) bytes.set(c, (at += c.byteLength) - c.byteLength);
  return { site, files: unzipSync(bytes) };
}

const databases: IncidentDatabase[] = [];
afterEach(async () => {
  for (const db of databases.splice(0)) await db.delete();
});

describe('a published site', () => {
  it('is one folder: the app’s files, its own page and worker, the configuration and the data', async () => {
    const { site, files } = await publish('pub1');
    const folder = 'eastern-syria-strikes_2026-12-03';
    expect(site.folder).toBe(folder);
    expect(Object.keys(files).sort()).toEqual([`${folder}/assets/app-1.js`, `${folder}/assets/font.woff2`, `${folder}/index.html`, `${folder}/site/data.zip`, `${folder}/site/site.json`, `${folder}/sw.js`]);
    expect(files[`${folder}/assets/font.woff2`]).toEqual(FILES['assets/font.woff2']);
    expect(strFromU8(files[`${folder}/index.html`]!)).toContain('<meta name="strikes-map-site" content="site/site.json" />');
    expect(workerFiles(strFromU8(files[`${folder}/sw.js`]!))).toEqual(['./', './assets/app-1.js', './assets/font.woff2', './site/site.json', './site/data.zip']);
    const config = parseSiteConfig(strFromU8(files[`${folder}/site/site.json`]!));
    expect(config.view).toEqual({ search: '?from=2022-08-01&lang=ar', hash: '#map=7/34/40', bounds: [38, 33, 42, 36] });
    expect(config.datasets).toEqual([{ id: 'bundled', hash: 'pub1:h1', name: 'Curated' }]);
    // The data as the app stores them, each dataset marked with the publication.
    const data = decodeBackup(files[`${folder}/site/data.zip`]!).records;
    expect(data.incidents.map((i) => i['id'])).toEqual(['i1']);
    expect(data.datasets[0]!['hash']).toBe('pub1:h1');
    expect(config.data.bytes).toBe(files[`${folder}/site/data.zip`]!.byteLength);
  });

  it('names its folder from the title, or after the app when the title has no Latin letters', () => {
    expect(siteFolderName('Strikes — Deir ez-Zor, 2024!', new Date('2026-12-03'))).toBe('strikes-deir-ez-zor-2024_2026-12-03');
    expect(siteFolderName('الضربات في شرق سوريا ٢٠٢٤', new Date('2026-12-03'))).toBe('strikes-map_2026-12-03');
  });

  it.each([
    ['on the page’s thread (a small data file)', undefined],
    ['in the import worker', 0],
  ])('loads into a reader’s database once, again when published anew, and drops datasets no longer published: %s', async (_, smallDataBytes) => {
    const db = new IncidentDatabase(`site-${Math.random()}`);
    databases.push(db);
    const serve = (files: Record<string, Uint8Array>) => ({
      fetchData: async (path: string) => new Blob([Object.entries(files).find(([name]) => name.endsWith(path))![1] as Uint8Array<ArrayBuffer>]),
      createWorker: () => new InProcessWorker(db),
      smallDataBytes,
    });
    const first = await publish('pub1');
    const config = (files: Record<string, Uint8Array>) => parseSiteConfig(strFromU8(Object.entries(files).find(([name]) => name.endsWith('site/site.json'))![1]));
    expect(await ensureSiteData(db, config(first.files), serve(first.files))).toBe(true);
    expect((await db.incidents.toArray()).map((i) => i.id)).toEqual(['i1']);
    expect(await ensureSiteData(db, config(first.files), serve(first.files))).toBe(false);

    // A dataset of the reader's own database that the publication does not hold goes.
    await db.datasets.put({ id: 'import-x', kind: 'import', name: 'x', version: '1', hash: 'x', loadedAt: '', visible: true, incidentCount: 1 });
    await db.incidents.put({ ...createStoredIncident('stray'), datasetId: 'import-x' });
    const second = await publish('pub2', records('h2'));
    expect(await ensureSiteData(db, config(second.files), serve(second.files))).toBe(true);
    expect((await db.datasets.toArray()).map((d) => [d.id, d.hash])).toEqual([['bundled', 'pub2:h2']]);
    expect((await db.incidents.toArray()).map((i) => i.id)).toEqual(['i1']);
  });

  it.each([undefined, 0])('leaves the reader’s database as it was when the data file is not sound, naming the file (small data: %s bytes)', async (smallDataBytes) => {
    const db = new IncidentDatabase(`site-${Math.random()}`);
    databases.push(db);
    const { files } = await publish('pub1');
    const config = parseSiteConfig(strFromU8(Object.entries(files).find(([name]) => name.endsWith('site/site.json'))![1]));
    const broken = { fetchData: async () => new Blob([strToU8('not a zip')]), createWorker: () => new InProcessWorker(db), smallDataBytes };
    await expect(ensureSiteData(db, config, broken)).rejects.toThrow(/site\/data\.zip/);
    expect(await db.datasets.count()).toBe(0);
  });
});
