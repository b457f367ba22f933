import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { offlinePlugin } from '../../../scripts/offline-plugin.mjs';
import { siteWorker, workerFiles } from './site-worker';

type GenerateBundle = (this: { emitFile(file: { fileName: string; source: string }): void }, options: unknown, bundle: Record<string, unknown>) => void;

/** dist/sw.js as the build writes it, for a build of two files. */
function builtWorker(): string {
  const publicDir = mkdtempSync(join(tmpdir(), 'strikes-site-worker-'));
  try {
    let source = '';
    const generate = offlinePlugin({ publicDir }).generateBundle as unknown as GenerateBundle;
    generate.call({ emitFile: (file) => void (file.fileName === 'sw.js' && (source = file.source)) }, {}, {
      'assets/index-a1.js': { type: 'chunk', code: 'console.log(1)' },
      'assets/font.woff2': { type: 'asset', source: new Uint8Array([1]) },
    });
    return source;
  } finally {
    rmSync(publicDir, { recursive: true, force: true });
  }
}

describe('a published copy’s service worker', () => {
  it('reads the files the app’s worker caches', () => {
    expect(workerFiles(builtWorker())).toEqual(['./', './assets/font.woff2', './assets/index-a1.js']);
  });

  it('is the app’s worker behind constants of its own: its files, and caches named after its folder', () => {
    const app = builtWorker();
    const site = siteWorker(app, 'pub42', ['./', './index.html', './site/site.json']);
    const body = (source: string) => source.slice(source.indexOf('// ---- end of the constants ----'));
    expect(body(site)).toBe(body(app));
    expect(workerFiles(site)).toEqual(['./', './index.html', './site/site.json']);
    expect(site).toContain('const PREFIX = `strikes-site@${new URL(self.registration.scope).pathname}:`;');
    expect(site).toContain('const CACHE = PREFIX + "pub42";');
    // The app's caches start otherwise: neither takes the other's for an older version of its own.
    expect(app).toContain('const PREFIX = "strikes-map-";');
    expect('strikes-map-').not.toMatch(/^strikes-site@/);
  });

  it('refuses a worker without the constants (a development server)', () => {
    expect(() => workerFiles('<!doctype html>')).toThrow(/production build/);
  });
});
