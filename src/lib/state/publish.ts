/**
 * Publishing from the app (issue 21): the shown datasets, the view in the address and the
 * app's own build (the files its service worker lists), written into one zip by
 * lib/publish/site-package.ts. The build's files are fetched from this origin (from the
 * offline cache when it has them): nothing leaves the browser.
 */
import { readBackupRecords } from '../data/backup';
import { app } from './app-state.svelte';
import { openDatabase } from './database';
import { mapHandle } from './map-handle.svelte';
import { flushUrl } from './url-sync.svelte';
import type { PublishedSite } from '../publish/site-package';

async function fetchBytes(path: string): Promise<Uint8Array> {
  const response = await fetch(new URL(path, document.baseURI));
  if (!response.ok) throw new Error(`${path}: ${response.status} ${response.statusText}`);
  return new Uint8Array(await response.arrayBuffer());
}

/**
 * The site as a zip. `needsBuild`: the message when the page is not a production build (the
 * development server has no service worker listing the files).
 */
export async function publishSite(title: string, needsBuild: string): Promise<{ blob: Blob; fileName: string; site: PublishedSite }> {
  const db = openDatabase();
  if (!db) throw new Error('the database is not open');
  const response = await fetch(new URL('sw.js', document.baseURI));
  const workerSource = response.ok ? await response.text() : '';
  if (!workerSource.includes('const FILES = ')) throw new Error(needsBuild);
  const shown = app.datasets.filter((d) => d.visible).map((d) => d.id);
  const [{ writeSite, publicationId }, records] = await Promise.all([import('../publish/site-package'), readBackupRecords(db, shown)]);
  // The view as the reader left it: a range changed a moment ago may not be in the address yet.
  flushUrl();
  const box = mapHandle.map?.getBounds();
  const bounds: [number, number, number, number] | null = box ? [box.getWest(), box.getSouth(), box.getEast(), box.getNorth()] : null;
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  const site = await writeSite(
    { workerSource, readFile: fetchBytes },
    { title, search: location.search, hash: location.hash, bounds, records, createdAt: new Date(), id: publicationId() },
    (chunk) => chunks.push(chunk as Uint8Array<ArrayBuffer>),
  );
  return { blob: new Blob(chunks, { type: 'application/zip' }), fileName: `${site.folder}.zip`, site };
}
