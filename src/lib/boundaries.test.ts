/**
 * The house's boundaries, read from the import lines: components never reach the
 * database (they ask lib/state), lib/data knows nothing of Svelte, lib/export takes its
 * inputs instead of reading the app's state, and only lib/data imports Dexie.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('..', import.meta.url));

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path);
    return /\.(ts|svelte)$/.test(name) && !/\.test\.ts$/.test(name) && name !== 'test-factories.ts' && name !== 'test-fixtures.ts' ? [path] : [];
  });
}

/** Value imports of a file (type-only imports left out): their specifiers. */
function valueImports(path: string): string[] {
  const text = readFileSync(path, 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(/^\s*import\s+(type\s+)?[^'"]*?from\s+['"]([^'"]+)['"]/gm)) if (!m[1]) out.push(m[2]!);
  for (const m of text.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)) out.push(m[1]!);
  return out;
}

const all = files(SRC).map((path) => ({ path: relative(SRC, path), imports: valueImports(path) }));
const where = (prefix: string) => all.filter((f) => f.path.startsWith(prefix));
const offending = (list: typeof all, bad: RegExp) => list.flatMap((f) => f.imports.filter((i) => bad.test(i)).map((i) => `${f.path} imports ${i}`));

describe('boundaries', () => {
  it('reads some files (the test itself can fail)', () => {
    expect(where('components/').length).toBeGreaterThan(20);
    expect(offending([{ path: 'x.svelte', imports: ['../lib/data/db'] }], /lib\/data\/db$/)).toEqual(['x.svelte imports ../lib/data/db']);
  });

  it('components never reach the database: they ask lib/state', () => {
    const components = [...where('components/'), ...all.filter((f) => f.path === 'App.svelte')];
    expect(offending(components, /^dexie$|lib\/data\/(db|queries|event-store|seed|backup)$|lib\/state\/database$/)).toEqual([]);
  });

  it('lib/data knows nothing of Svelte', () => {
    expect(offending(where('lib/data/'), /^svelte|\.svelte(\.ts)?$/)).toEqual([]);
  });

  it('lib/export takes its inputs: it never imports lib/state, the language or any rune module', () => {
    expect(offending(where('lib/export/'), /(^|\/)state\/|i18n\/|\.svelte(\.ts)?$/)).toEqual([]);
    expect(where('lib/export/').filter((f) => f.path.endsWith('.svelte.ts'))).toEqual([]);
  });

  it('only lib/data imports Dexie', () => {
    expect(offending(all.filter((f) => !f.path.startsWith('lib/data/')), /^dexie$/)).toEqual([]);
  });
});
