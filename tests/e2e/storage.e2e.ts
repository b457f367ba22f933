/**
 * Data that survives: the reader's datasets backed up into one file and restored, record
 * for record, in another browser profile; the storage's state shown; and a tab that lets go
 * of the database when a newer version upgrades it in another tab.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openBrowserSession, waitForMapIdle, type BrowserSession } from './browser-session';
import { storeDigests } from './stored-records';

const sessions: BrowserSession[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const s of sessions.splice(0)) await s.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function open(): Promise<BrowserSession> {
  const session = await openBrowserSession(inject('appUrl'));
  sessions.push(session);
  await session.page.goto(session.appUrl);
  await waitForMapIdle(session.page);
  return session;
}

async function importFile(page: Page, file: string): Promise<void> {
  await page.getByTestId('import-file-input').setInputFiles(file);
  await page.getByTestId('import-report').waitFor({ timeout: 90_000 });
  await page.getByTestId('import-confirm').click();
  await page.getByTestId('import-done').waitFor({ timeout: 90_000 });
  await page.getByTestId('import-dismiss').click();
}

describe('a backup of everything', () => {
  it('restores 60,000 imported events (a full chunk and a part) in a fresh browser, every record identical', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'strikes-backup-'));
    dirs.push(dir);
    const csv = join(dir, 'acled-60k.csv');
    writeFileSync(csv, execFileSync('node', ['scripts/generate-acled.mjs', '--rows', '60000', '--seed', '3'], { maxBuffer: 1 << 30 }));
    const first = await open();
    await importFile(first.page, csv);
    await expect.poll(() => first.page.getByTestId('event-count').innerText(), { timeout: 30_000 }).toContain('60,000 imported events');
    const before = await storeDigests(first.page);
    await first.page.getByTestId('tab-data').click();
    const [download] = await Promise.all([first.page.waitForEvent('download', { timeout: 120_000 }), first.page.getByTestId('backup').click()]);
    const backup = join(dir, download.suggestedFilename());
    await download.saveAs(backup);
    expect(download.suggestedFilename()).toMatch(/^eastern-syria-strikes-backup_\d{4}-\d\d-\d\d\.zip$/);
    expect(readFileSync(backup).subarray(0, 2).toString()).toBe('PK');

    const second = await open();
    await second.page.getByTestId('import-file-input').setInputFiles(backup);
    await second.page.getByTestId('import-report').waitFor({ timeout: 90_000 });
    expect(await second.page.getByTestId('import-restores').innerText()).toContain('acled-60k');
    await second.page.getByTestId('import-confirm').click();
    await second.page.getByTestId('import-done').waitFor({ timeout: 90_000 });
    await expect.poll(() => second.page.getByTestId('event-count').innerText(), { timeout: 30_000 }).toContain('60,000 imported events');
    // Every record identical, but the search index: backups leave it out, and the first search builds it from the text.
    const restored = await storeDigests(second.page);
    expect(before['eventSearch']!.count).toBe(1);
    expect(restored['eventSearch']!.count).toBe(0);
    expect({ ...restored, eventSearch: before['eventSearch'] }).toEqual(before);
    expect(before['eventChunks']!.count).toBeGreaterThanOrEqual(2);
    await second.page.getByTestId('search').fill('mayadin');
    await expect.poll(() => second.page.getByTestId('event-search-status').innerText(), { timeout: 30_000 }).toMatch(/^[\d,]+ imported events match$/);
    expect(Number((await second.page.getByTestId('event-search-status').innerText()).replace(/\D/g, ''))).toBeGreaterThan(1000);
    expect((await storeDigests(second.page))['eventSearch']!.count).toBe(1);
    expect(first.consoleErrors).toEqual([]);
    expect(second.consoleErrors).toEqual([]);
  });

  it('shows whether the browser keeps the data for good and how much it takes', async () => {
    const { page } = await open();
    await page.getByTestId('tab-data').click();
    const persistence = page.getByTestId('storage-persistence');
    await persistence.waitFor();
    expect(await persistence.innerText()).toMatch(/Kept for good|may clear this data|cannot say/);
    await expect.poll(() => page.getByTestId('storage-usage').innerText()).toMatch(/MB used of [\d,.]+ MB/);
  });
});

describe('another tab upgrading the database', () => {
  it('makes this tab let go of it at once and ask for a reload', async () => {
    const session = await open();
    const other = await session.context.newPage();
    // A document of the same origin that is not the app: it opens no database of its own.
    await other.goto(`${session.appUrl}basemap/labels.json`);
    // A newer schema, opened from another tab of the same site: it succeeds only once this tab lets go.
    const upgraded = await other.evaluate(
      () =>
        new Promise<string>((resolve) => {
          const probe = indexedDB.open('syria-strikes-map');
          probe.onsuccess = () => {
            const version = probe.result.version;
            probe.result.close();
            const request = indexedDB.open('syria-strikes-map', version + 10);
            request.onupgradeneeded = () => undefined;
            request.onsuccess = () => {
              request.result.close();
              resolve('upgraded');
            };
            request.onblocked = () => setTimeout(() => resolve('blocked'), 5000);
          };
        }),
    );
    expect(upgraded).toBe('upgraded');
    const alert = session.page.getByTestId('page-alert');
    await alert.waitFor();
    expect(await alert.innerText()).toContain('Reload this tab to continue');
  });
});
