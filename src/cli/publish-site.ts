/**
 * Publishing from the command line (scripts/publish.mjs loads this through Vite, so that it
 * runs the app's own modules): the bundled dataset and any files given, imported by the app's
 * import pipeline into an in-memory IndexedDB (fake-indexeddb), written with the app's build
 * into the same zip as the export panel's "Download site". Node only; nothing in the app
 * imports it.
 */
import { createWriteStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { IncidentDatabase } from '../lib/data/db';
import { readBackupRecords } from '../lib/data/backup';
import { loadBundledDataset } from '../lib/data/bundled-dataset';
import { ensureBundledDataset } from '../lib/data/seed';
import { readGazetteer } from '../lib/import/datasets';
import { ImportSession, importUnattended } from '../lib/import/import-session';
import { InProcessWorker } from '../lib/import/in-process-worker';
import { publicationId, writeSite, type PublishedSite } from '../lib/publish/site-package';

export interface PublishOptions {
  /** The app's production build (dist/). */
  appDir: string;
  /** Files to import (ACLED CSV, CSV with columns the app recognises, GeoJSON, the app's JSON, a backup). */
  imports: string[];
  /** Include the bundled dataset (the curated incidents). */
  bundled: boolean;
  /** The view: an address of the app (or just its query and hash), e.g. `?from=2023-10-17&lang=ar#map=7/34.9/40.4`. */
  view: string;
  title: string;
  /** The zip to write. */
  out: string;
  log: (line: string) => void;
}

export async function publishFromCommandLine(options: PublishOptions): Promise<PublishedSite> {
  const db = new IncidentDatabase(`publish-${process.pid}-${Date.now()}`);
  try {
    if (options.bundled) await ensureBundledDataset(db, __BUNDLED_DATASET_HASH__, async () => loadBundledDataset());
    for (const path of options.imports) await importFile(db, path, options.log);
    const records = await readBackupRecords(db);
    if (records.datasets.length === 0) throw new Error('nothing to publish: give --import files, or leave the bundled dataset in');
    const view = splitAddress(options.view);
    const stream = createWriteStream(options.out);
    const written = new Promise<void>((resolve, reject) => {
      stream.on('finish', resolve);
      stream.on('error', reject);
    });
    const site = await writeSite(
      { workerSource: await readFile(join(options.appDir, 'sw.js'), 'utf8'), readFile: async (path) => new Uint8Array(await readFile(join(options.appDir, path))) },
      { title: options.title, search: view.search, hash: view.hash, bounds: null, records, createdAt: new Date(), id: publicationId() },
      (chunk) => stream.write(chunk),
    );
    stream.end();
    await written;
    return site;
  } finally {
    db.close();
    await db.delete();
  }
}

/** One file through the import, as in the app: read, checked, reported, written. */
async function importFile(db: IncidentDatabase, path: string, log: (line: string) => void): Promise<void> {
  const name = basename(path);
  const session = new ImportSession({ createWorker: () => new InProcessWorker(db), gazetteer: () => readGazetteer(db), dbName: db.name });
  const { report, result } = await importUnattended(session, new File([await readFile(path)], name), name, {
    onSuggested: () => log(`${name}: not an ACLED file; reading it with the suggested columns`),
  });
  log(`${name}: ${result.events} events, ${result.incidents} incidents imported; ${report.rejectedCount} rows left out`);
}

/** The query and the hash of an address as the address bar shows it (or of just its query and hash). */
function splitAddress(address: string): { search: string; hash: string } {
  const hashAt = address.indexOf('#');
  const hash = hashAt < 0 ? '' : address.slice(hashAt);
  const rest = hashAt < 0 ? address : address.slice(0, hashAt);
  const queryAt = rest.indexOf('?');
  return { search: queryAt < 0 ? '' : rest.slice(queryAt), hash };
}
