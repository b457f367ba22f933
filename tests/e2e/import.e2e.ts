/**
 * Bringing your own data: an ACLED file through the file input, drawn as impacts and kept
 * across reloads; broken files reported without writing anything; a cancelled large import
 * leaving IndexedDB exactly as it was; markup in notes shown as text.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { EVENT_COLOR } from '../../src/lib/map/event-layers';
import { expectNothingAmiss, openBrowserSession, waitForMapIdle, type BrowserSession } from './browser-session';
import { countPixelsNear, decodePng } from './pixels';
import { project, viewHash } from './map-geometry';
import { countRecords, readStores, storeDigests } from './stored-records';

const FIXTURES = 'tests/fixtures/import';

/** Every record of every store, as text: "exactly as it was" made checkable. */
const databaseContents = async (session: BrowserSession) => JSON.stringify(await readStores(session.page));
const datasetSnapshot = async (session: BrowserSession) => JSON.stringify((await readStores(session.page, ['datasets']))['datasets']);

/** The imported events the header counts (0 when it shows none). */
async function importedEvents(page: Page): Promise<number> {
  if ((await page.getByTestId('event-count').count()) === 0) return 0;
  return Number((await page.getByTestId('event-count').innerText()).replace(/[^\d]/g, ''));
}

/** Imports `file` through the file input, confirms its report and dismisses the message that it is done. */
async function importFile(page: Page, file: string): Promise<void> {
  await page.getByTestId('import-file-input').setInputFiles(file);
  await page.getByTestId('import-report').waitFor();
  await page.getByTestId('import-confirm').click();
  await page.getByTestId('import-done').waitFor();
  await page.getByTestId('import-dismiss').click();
}

describe('importing an ACLED file', () => {
  let session: BrowserSession;
  let workDir: string;
  beforeAll(async () => {
    workDir = mkdtempSync(join(tmpdir(), 'strikes-import-'));
    session = await openBrowserSession(inject('appUrl'));
    await session.page.goto(`${session.appUrl}#map=7.5/35.0/40.6`);
    await waitForMapIdle(session.page);
  });
  afterAll(async () => {
    await session?.close();
    rmSync(workDir, { recursive: true, force: true });
  });
  afterEach(() => expectNothingAmiss(session));

  it('shows the events on the map after the report is confirmed, and keeps them across a reload', async () => {
    const before = decodePng(await session.page.getByTestId('map').screenshot());
    expect(countPixelsNear(before, EVENT_COLOR, 30)).toBeLessThan(20);
    await session.page.getByTestId('import-file-input').setInputFiles(join(FIXTURES, 'acled-valid.csv'));
    await session.page.getByTestId('import-report').waitFor();
    expect(await session.page.getByTestId('import-accepted-count').innerText()).toContain('20');
    await session.page.getByTestId('import-confirm').click();
    await session.page.getByTestId('import-done').waitFor();
    await expect.poll(() => session.page.getByTestId('event-count').innerText()).toContain('20 imported events');
    await waitForMapIdle(session.page);
    const after = decodePng(await session.page.getByTestId('map').screenshot());
    expect(countPixelsNear(after, EVENT_COLOR, 30)).toBeGreaterThan(40);
    await session.page.reload();
    await waitForMapIdle(session.page);
    await expect.poll(() => session.page.getByTestId('event-count').innerText()).toContain('20 imported events');
    const reloaded = decodePng(await session.page.getByTestId('map').screenshot());
    expect(countPixelsNear(reloaded, EVENT_COLOR, 30)).toBeGreaterThan(40);
  });

  it('hides and renames a dataset, and another open tab follows', async () => {
    // A dataset of this test's own (its name is the file's): 20 events.
    const file = join(workDir, 'acled-to-rename.csv');
    copyFileSync(join(FIXTURES, 'acled-valid.csv'), file);
    await importFile(session.page, file);
    const shown = await importedEvents(session.page);
    expect(shown).toBeGreaterThanOrEqual(20);
    const other = await session.context.newPage();
    await other.goto(session.appUrl);
    await waitForMapIdle(other);
    await expect.poll(() => importedEvents(other)).toBe(shown);
    await session.page.getByTestId('tab-data').click();
    const item = session.page.getByTestId('dataset-item').filter({ hasText: 'acled-to-rename' });
    await item.getByTestId('dataset-visible').uncheck();
    // The other tab hears of it through IndexedDB, without a reload.
    await expect.poll(() => importedEvents(other)).toBe(shown - 20);
    await item.getByTestId('dataset-visible').check();
    await expect.poll(() => importedEvents(other)).toBe(shown);
    await item.getByTestId('dataset-rename').click();
    await session.page.getByTestId('dataset-rename-input').fill('ACLED Deir ez-Zor');
    await session.page.getByTestId('dataset-rename-save').click();
    await other.getByTestId('tab-data').click();
    await expect.poll(() => other.getByTestId('dataset-list').innerText()).toContain('ACLED Deir ez-Zor');
    await other.close();
  });

  it('shows markup in notes as text, never as HTML', async () => {
    let dialogs = 0;
    session.page.on('dialog', (d) => {
      dialogs++;
      void d.dismiss();
    });
    // One event alone in the desert at 34.6 N 39.6 E, its notes full of markup.
    await importFile(session.page, join(FIXTURES, 'acled-markup.csv'));
    await session.page.reload();
    await waitForMapIdle(session.page);
    const box = (await session.page.getByTestId('map').boundingBox())!;
    const view = { lon: 40.6, lat: 35.0, zoom: 7.5, width: Math.round(box.width), height: Math.round(box.height) };
    await session.page.evaluate((hash) => (location.hash = hash), viewHash(view));
    await session.page.waitForTimeout(300);
    await waitForMapIdle(session.page);
    const at = project(view, [39.6, 34.6]);
    await session.page.mouse.click(box.x + at.x, box.y + at.y);
    const panel = session.page.getByTestId('event-panel');
    await panel.waitFor();
    const notes = await panel.getByTestId('event-notes').innerText();
    expect(notes).toContain('<img src=x onerror="alert(1)">');
    expect(notes).toContain('<script>alert(2)</script>');
    expect(await panel.locator('img, script, b').count()).toBe(0);
    expect(dialogs).toBe(0);
  });
});

describe('imports that must not write', () => {
  let session: BrowserSession;
  let workDir: string;
  beforeAll(async () => {
    workDir = mkdtempSync(join(tmpdir(), 'strikes-import-'));
    session = await openBrowserSession(inject('appUrl'));
    await session.page.goto(session.appUrl);
    await waitForMapIdle(session.page);
  });
  afterAll(async () => {
    await session?.close();
    rmSync(workDir, { recursive: true, force: true });
  });

  it('reports the rejected rows of a broken file, and cancelling it leaves IndexedDB unchanged', async () => {
    const before = await databaseContents(session);
    const datasetsBefore = await datasetSnapshot(session);
    await session.page.getByTestId('import-file-input').setInputFiles(join(FIXTURES, 'acled-bad-rows.csv'));
    await session.page.getByTestId('import-report').waitFor();
    const table = await session.page.getByTestId('import-rejected-table').innerText();
    expect(table).toMatch(/\d/); // row numbers
    expect(table.toLowerCase()).toMatch(/date|latitude|longitude|0,0|missing/);
    await session.page.getByRole('button', { name: 'Cancel' }).click();
    // The rows written while the file was read (never visible) go once the stopped worker lets go of them.
    await expect.poll(() => databaseContents(session), { timeout: 30_000 }).toEqual(before);
    expect(await datasetSnapshot(session)).toBe(datasetsBefore);
  });

  it('explains a file with missing columns and writes nothing', async () => {
    const before = await databaseContents(session);
    await session.page.getByTestId('import-file-input').setInputFiles(join(FIXTURES, 'acled-missing-columns.csv'));
    const outcome = session.page.locator('[data-testid="import-error"], [data-testid="import-report"], [data-testid="column-mapping"]');
    await outcome.first().waitFor();
    const text = await outcome.first().innerText();
    expect(text).toContain('acled-missing-columns.csv');
    expect(await databaseContents(session)).toEqual(before);
  });

  /** 400,000 ACLED-like rows (made once, for the tests that need a large file). */
  let largeFile: string | null = null;
  function large(): string {
    if (largeFile) return largeFile;
    largeFile = join(workDir, 'acled-large.csv');
    execFileSync('sh', ['-c', `node scripts/generate-acled.mjs --rows 400000 --seed 7 > "${largeFile}"`]);
    return largeFile;
  }

  it('leaves IndexedDB exactly as it was when a large import is cancelled', async () => {
    const file = large();
    const before = await databaseContents(session);
    const datasetsBefore = await datasetSnapshot(session);
    await session.page.getByTestId('import-file-input').setInputFiles(file);
    await session.page.getByTestId('import-progress').waitFor();
    await session.page.getByTestId('import-cancel').click();
    await session.page.getByTestId('import-cancelled').waitFor();
    // What the worker wrote while reading (never visible) goes once the stopped worker lets go of it.
    await expect.poll(() => databaseContents(session), { timeout: 30_000 }).toEqual(before);
    expect(await datasetSnapshot(session)).toBe(datasetsBefore);
    // The page stays usable.
    await waitForMapIdle(session.page);
    expect(session.consoleErrors).toEqual([]);
  });

  it('leaves every stored record as it was when the tab closes in the middle of a large import; the next start removes what it wrote', async () => {
    const file = large();
    const before = await storeDigests(session.page);
    const tab = await session.context.newPage();
    await tab.goto(session.appUrl);
    await waitForMapIdle(tab);
    await tab.getByTestId('import-file-input').setInputFiles(file);
    // The rows' text goes into storage while the file is read: the tab closes once some has.
    await expect.poll(async () => (await countRecords(tab))['eventText'] ?? 0, { timeout: 60_000, interval: 100 }).toBeGreaterThan(before['eventText']!.count);
    expect((await countRecords(tab))['datasets']).toBe(before['datasets']!.count);
    await tab.close();
    // The next start: every record as before, nothing of the import left.
    await session.page.reload();
    await waitForMapIdle(session.page);
    await expect.poll(() => storeDigests(session.page), { timeout: 30_000 }).toEqual(before);
  });
});
