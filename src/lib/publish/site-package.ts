/**
 * Writes a published map as one zip: a folder holding the app's build (every file its service
 * worker caches), the copy's own index.html and worker, its configuration (site/site.json) and
 * its data (site/data.zip: the datasets as the app stores them, binary columns sorted by day,
 * in the backup format of src/lib/data/backup-format.ts, so nothing is parsed again).
 * The zip is written as a stream of chunks (fflate), one file at a time: the page stays
 * responsive between files, and the command line writes it straight to disk.
 * No I/O of its own: the caller reads the app's files and takes the chunks.
 */
import { strToU8, Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import { encodeBackup, type BackupRecords } from '../data/backup-format';
import { SITE_CONFIG_PATH, SITE_DATA_PATH, SITE_FORMAT, SITE_VERSION, shareableSearch, mapHash, siteIndexHtml, type SiteConfig } from './site-config';
import { siteWorker, workerFiles } from './site-worker';

export interface AppBuild {
  /** The build's service worker (sw.js): it lists the build's files. */
  workerSource: string;
  /** One file of the build by its path in the build ('index.html', 'assets/…'). */
  readFile(path: string): Promise<Uint8Array>;
}

export interface Publication {
  title: string;
  /** The view: the app's address query and hash as the publisher sees them. */
  search: string;
  hash: string;
  /** What the map shows (west, south, east, north), or null. */
  bounds: [number, number, number, number] | null;
  /** The datasets to publish: every record of theirs, as stored (readBackupRecords). */
  records: BackupRecords;
  createdAt: Date;
  /** A fresh id for this publication (caches and the readers' copy of the data are named by it). */
  id: string;
}

export interface PublishedSite {
  /** The folder the zip holds. */
  folder: string;
  files: number;
  /** Bytes of the data file and of the whole zip. */
  dataBytes: number;
  zipBytes: number;
  config: SiteConfig;
}

/** Files that are compressed already (or too small to gain): stored as they are. */
const STORED = /\.(woff2?|png|jpe?g|webp|zip|pbf|bin)$/i;

/** A publication's id: random, so that each gets its own caches and data in the readers' browsers. */
export function publicationId(): string {
  return [...crypto.getRandomValues(new Uint8Array(8))].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** The zip's folder: a name a file system and a web address both take. */
export function siteFolderName(title: string, createdAt: Date): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, '-')
    .slice(0, 40)
    .replace(/-+$/, '');
  // A title in Arabic leaves no Latin letters: the app's own name then.
  return `${/[a-z]/.test(slug) ? slug : 'strikes-map'}_${createdAt.toISOString().slice(0, 10)}`;
}

export async function writeSite(build: AppBuild, publication: Publication, onChunk: (chunk: Uint8Array) => void): Promise<PublishedSite> {
  const folder = siteFolderName(publication.title, publication.createdAt);
  // Each dataset's record carries the publication in its hash: a reader's browser holding an
  // older publication's copy of the same dataset loads the new one (site-config.ts, siteDataPlan).
  const datasets: Record<string, unknown>[] = publication.records.datasets.map((d) => ({ ...d, hash: `${publication.id}:${String(d['hash'] ?? '')}`.slice(0, 200) }));
  const data = encodeBackup({ ...publication.records, datasets }, publication.createdAt.toISOString());
  const config: SiteConfig = {
    format: SITE_FORMAT,
    version: SITE_VERSION,
    publication: publication.id,
    title: publication.title,
    createdAt: publication.createdAt.toISOString(),
    view: { search: shareableSearch(publication.search), hash: mapHash(publication.hash), bounds: publication.bounds },
    datasets: datasets.map((d) => ({ id: String(d['id']), hash: String(d['hash']), name: String(d['name'] ?? '') })),
    data: { path: SITE_DATA_PATH, bytes: data.byteLength },
  };

  // The worker lists the page as './' (the build writes index.html after it lists the files).
  const listed = workerFiles(build.workerSource);
  const appFiles = [...new Set(listed.map((f) => (f === './' ? './index.html' : f)))];
  const siteFiles = [...appFiles, `./${SITE_CONFIG_PATH}`, `./${SITE_DATA_PATH}`];

  let zipBytes = 0;
  let failure: Error | null = null;
  const zip = new Zip((error, chunk) => {
    if (error) failure = error;
    else {
      zipBytes += chunk.byteLength;
      onChunk(chunk);
    }
  });
  const add = (path: string, bytes: Uint8Array) => {
    const entry = STORED.test(path) ? new ZipPassThrough(`${folder}/${path}`) : new ZipDeflate(`${folder}/${path}`, { level: 6 });
    entry.mtime = publication.createdAt;
    zip.add(entry);
    entry.push(bytes, true);
    if (failure) throw failure;
  };

  for (const file of appFiles) {
    const path = file.slice(2);
    const bytes = await build.readFile(path);
    add(path, path === 'index.html' ? strToU8(siteIndexHtml(new TextDecoder().decode(bytes))) : bytes);
    // A turn of the event loop between files: the page keeps answering while a large zip is written.
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  // The page is cached as './', as the app's worker does: hosts that redirect index.html to its
  // folder (`npx serve`) would otherwise put a redirect in the cache.
  add('sw.js', strToU8(siteWorker(build.workerSource, publication.id, ['./', ...siteFiles.filter((f) => f !== './index.html')])));
  add(SITE_CONFIG_PATH, strToU8(JSON.stringify(config, null, 2)));
  add(SITE_DATA_PATH, data);
  zip.end();
  if (failure) throw failure;
  return { folder, files: appFiles.length + 3, dataBytes: data.byteLength, zipBytes, config };
}
