/**
 * Files made to hurt the importer: a JSON file nested a million levels deep is refused
 * with a message naming it, in the interface language, and nothing is written.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openBrowserSession, waitForMapIdle, type BrowserSession } from './browser-session';
import { readStores } from './stored-records';

describe('hostile import files', () => {
  let session: BrowserSession;
  let workDir: string;
  beforeAll(async () => {
    workDir = mkdtempSync(join(tmpdir(), 'strikes-import-safety-'));
    session = await openBrowserSession(inject('appUrl'));
    await session.page.goto(session.appUrl);
    await waitForMapIdle(session.page);
  });
  afterAll(async () => {
    await session?.close();
    rmSync(workDir, { recursive: true, force: true });
  });

  it('refuses a JSON file nested a million levels deep, naming the file, and writes nothing', async () => {
    // 2 MB: generated here rather than kept as a fixture.
    const file = join(workDir, 'nested-million.json');
    writeFileSync(file, `${'['.repeat(1_000_000)}${']'.repeat(1_000_000)}`);
    const before = JSON.stringify(await readStores(session.page));
    await session.page.getByTestId('import-file-input').setInputFiles(file);
    const outcome = session.page.locator('[data-testid="import-error"], [data-testid="import-report"]');
    await outcome.first().waitFor();
    expect(await outcome.first().getAttribute('data-testid')).toBe('import-error');
    const message = await outcome.first().innerText();
    expect(message).toContain('nested-million.json');
    expect(message).toContain('more than 64 levels deep');
    expect(message).not.toMatch(/unexpected/i);
    expect(JSON.stringify(await readStores(session.page))).toBe(before);
    expect(session.consoleErrors).toEqual([]);
  });
});
