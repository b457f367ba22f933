/**
 * The service worker the build writes (scripts/offline-plugin.mjs): it caches every file the
 * app needs, a change to any file brings a new cache (the browser then installs the new
 * version), and it speaks the messages the page sends.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { offlinePlugin } from '../../../scripts/offline-plugin.mjs';
import { WORKER_MESSAGES } from './worker-messages';

type Output = { type: 'chunk'; code: string } | { type: 'asset'; source: string | Uint8Array };
type GenerateBundle = (this: { emitFile(file: { fileName: string; source: string }): void }, options: unknown, bundle: Record<string, Output>) => void;

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function createPublicDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'strikes-offline-'));
  folders.push(dir);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

function createBundle(entryCode = 'console.log(1)'): Record<string, Output> {
  return {
    'index.html': { type: 'asset', source: '<script type="module" src="./assets/index-a1.js"></script>' },
    'assets/index-a1.js': { type: 'chunk', code: entryCode },
    'assets/index-a1.js.map': { type: 'asset', source: '{}' },
    'assets/noto-sans-b2.woff2': { type: 'asset', source: new Uint8Array([1, 2]) },
    'assets/noto-sans-b2.woff': { type: 'asset', source: new Uint8Array([3]) },
  };
}

/** The worker's source as the build writes it to dist/sw.js. */
function writtenWorker(publicDir: string, bundle = createBundle()): string {
  let source = '';
  const generate = offlinePlugin({ publicDir }).generateBundle as unknown as GenerateBundle;
  generate.call({ emitFile: (file) => void (file.fileName === 'sw.js' && (source = file.source)) }, {}, bundle);
  return source;
}

const constant = (source: string, name: string): unknown => JSON.parse(new RegExp(`^const ${name} = (.*);$`, 'm').exec(source)![1]!);

describe('the offline service worker', () => {
  it('caches the page, every built file and every file of public/, but no source maps or woff fallbacks', () => {
    const source = writtenWorker(createPublicDir({ 'basemap/land.geojson': '{}' }));
    expect(constant(source, 'FILES')).toEqual(['./', './assets/index-a1.js', './assets/noto-sans-b2.woff2', './basemap/land.geojson', './index.html']);
  });

  it('gets a new cache when a file of public/ changes under the same name', () => {
    const before = constant(writtenWorker(createPublicDir({ 'basemap/land.geojson': '{"v":1}' })), 'CACHE');
    const after = constant(writtenWorker(createPublicDir({ 'basemap/land.geojson': '{"v":2}' })), 'CACHE');
    expect(after).not.toBe(before);
  });

  it('keeps its cache when nothing changed, so an identical build is not offered as an update', () => {
    const publicDir = createPublicDir({ 'basemap/land.geojson': '{}' });
    expect(writtenWorker(publicDir)).toBe(writtenWorker(publicDir));
  });

  it('gets a new cache when the code changes', () => {
    const publicDir = createPublicDir({});
    expect(constant(writtenWorker(publicDir, createBundle('console.log(2)')), 'CACHE')).not.toBe(constant(writtenWorker(publicDir), 'CACHE'));
  });

  it('understands every message the page sends and sends the one the page answers', () => {
    const source = writtenWorker(createPublicDir({}));
    for (const name of Object.values(WORKER_MESSAGES)) expect(source).toContain(`'${name}'`);
  });
});
