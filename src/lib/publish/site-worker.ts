/**
 * The service worker of a published copy (see site-package.ts): the app's own worker
 * (dist/sw.js, written by scripts/offline-plugin.mjs) with other constants in front.
 * - FILES: the app's files and the site's own (its configuration and data);
 * - PREFIX: caches named after the folder the copy is served from, so that the app and any
 *   number of published maps on one origin never take each other's caches for older versions
 *   of their own (the worker deletes those);
 * - CACHE: one cache per publication.
 * Pure: text in, text out.
 */

/** The line that ends the constants (WORKER_HEADER_END in scripts/offline-plugin.mjs). */
export const WORKER_HEADER_END = '// ---- end of the constants ----';

/** The files the app's worker caches, as it lists them ('./', './index.html', './assets/…'). */
export function workerFiles(workerSource: string): string[] {
  const match = /^const FILES = (.*);$/m.exec(workerHeader(workerSource));
  if (!match) throw new Error('sw.js lists no files: is this a production build of the app?');
  const files: unknown = JSON.parse(match[1]!);
  if (!Array.isArray(files) || !files.every((f) => typeof f === 'string' && f.startsWith('./'))) throw new Error('sw.js: FILES is not a list of ./ paths');
  return files as string[];
}

/** The published copy's worker: the app's worker body behind the copy's own constants. */
export function siteWorker(workerSource: string, publicationId: string, files: readonly string[]): string {
  const body = workerSource.slice(workerSource.indexOf(WORKER_HEADER_END) + WORKER_HEADER_END.length);
  workerHeader(workerSource);
  const header = [
    '// A published copy of the eastern Syria strikes map: the app\'s service worker, its caches named after the folder it is served from.',
    'const PREFIX = `strikes-site@${new URL(self.registration.scope).pathname}:`;',
    `const CACHE = PREFIX + ${JSON.stringify(publicationId)};`,
    `const FILES = ${JSON.stringify(files)};`,
    WORKER_HEADER_END,
  ];
  return `${header.join('\n')}${body}`;
}

function workerHeader(source: string): string {
  const end = source.indexOf(WORKER_HEADER_END);
  if (end < 0) throw new Error('sw.js has no constants header: is this a production build of the app?');
  return source.slice(0, end);
}
