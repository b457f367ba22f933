/**
 * A new version deployed while the app is open (issue 14). Build A (a copy of dist/, the build
 * under test) is served and opened in two
 * tabs; build B then replaces it in the same folder, as a deploy does: A's lazily loaded chunks
 * are gone from the server. The tabs offer the new version; one takes it; the other, still on A,
 * keeps opening the import dialog and exporting (its chunks come from A's cache, kept while a tab
 * runs A); its own reload then brings B, and A's cache goes once no tab runs it.
 *
 * The steps run in order, each on what the one before left.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ar } from '../../src/lib/i18n/messages-ar';
import { en } from '../../src/lib/i18n/messages-en';
import { openBrowserSession, waitForMapIdle, type BrowserSession } from './browser-session';
import { bundledData } from './map-geometry';
import { serveFolder, type StaticServer } from './static-server';

const FIXTURES = 'tests/fixtures/import';

/** A production build of the app into `folder` (emptied first), named `id` on <html data-build>. */
function buildInto(folder: string, id: string): void {
  execFileSync(process.execPath, [join('node_modules', 'vite', 'bin', 'vite.js'), 'build', '--outDir', folder, '--emptyOutDir', '--logLevel', 'warn'], {
    // Vitest sets NODE_ENV=test, which would make Vite build for development (no service worker).
    env: { ...process.env, NODE_ENV: 'production', STRIKES_MAP_BUILD_ID: id },
    stdio: 'pipe',
  });
}

const runningBuild = (page: Page) => page.locator('html').getAttribute('data-build');

/** The app's caches in this origin's Cache Storage. */
const appCaches = (page: Page) => page.evaluate(async () => (await caches.keys()).filter((name) => name.startsWith('strikes-map-')));

async function waitForOfflineCache(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
  });
}

describe('a new version deployed while the app is open', () => {
  let folder: string;
  let server: StaticServer;
  let session: BrowserSession;
  /** The second tab on the same app. */
  let other: Page;
  /** The name of build A (dist's: the package version unless STRIKES_MAP_BUILD_ID named it). */
  let A: string;
  /** Chunks of build A that build B no longer has. */
  let goneChunks: string[];

  // One story in order (a deploy while tabs are open): its steps run as one test, so none
  // relies on another test having run; a failure names the step.
  const steps: [string, () => Promise<void>][] = [];
  const step = (name: string, run: () => Promise<void>) => void steps.push([name, run]);

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'strikes-update-'));
    cpSync('dist', folder, { recursive: true });
    const filesOfA = readdirSync(join(folder, 'assets'));
    server = await serveFolder(folder);
    session = await openBrowserSession(server.url, undefined, { serviceWorkers: 'allow' });
    await session.page.goto(server.url);
    await waitForMapIdle(session.page);
    await waitForOfflineCache(session.page);
    A = (await runningBuild(session.page)) ?? '';
    if (!A || A === 'B') throw new Error(`dist/ must be a build not named B (it is named ${A || 'nothing'})`);
    other = await session.context.newPage();
    await other.goto(server.url);
    await waitForMapIdle(other);
    await waitForOfflineCache(other);

    buildInto(folder, 'B');
    const filesOfB = new Set(readdirSync(join(folder, 'assets')));
    goneChunks = filesOfA.filter((name) => !filesOfB.has(name));
  }, 180_000);

  afterAll(async () => {
    await session?.close();
    await server?.close();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  step('deployed B over A: the old tabs’ lazily loaded chunks are gone from the server', async () => {
    expect(await runningBuild(session.page)).toBe(A);
    const importDialog = goneChunks.find((name) => /^ImportDialog-.*\.js$/.test(name));
    const dataDownload = goneChunks.find((name) => /^data-download-.*\.js$/.test(name));
    expect(importDialog).toBeDefined();
    expect(dataDownload).toBeDefined();
    expect((await fetch(`${server.url}assets/${importDialog}`)).status).toBe(404);
  });

  step('offers the new version in both tabs, in either language, over the map without resizing it', async () => {
    const mapBefore = await session.page.getByTestId('map').boundingBox();
    // What each tab does by itself every hour and when it comes back to the front.
    await session.page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
    const banner = session.page.getByTestId('update-banner');
    await banner.waitFor({ timeout: 30_000 });
    expect(await banner.innerText()).toContain(en['update.ready']);
    expect(await banner.getByRole('button').innerText()).toBe(en['update.reload']);
    expect(await session.page.getByTestId('map').boundingBox()).toEqual(mapBefore);

    await other.getByTestId('update-banner').waitFor({ timeout: 30_000 });
    await other.getByTestId('lang-toggle').click();
    // The Arabic strings are fetched on first use (from the old build's cache in this tab).
    await expect.poll(() => other.getByTestId('update-banner').innerText()).toContain(ar['update.ready']);
    expect(await other.getByTestId('update-reload').innerText()).toBe(ar['update.reload']);
    // Until a reload is chosen, nothing changes under either tab.
    expect(await runningBuild(session.page)).toBe(A);
    expect(await runningBuild(other)).toBe(A);
  });

  step('reloads one tab into B when asked, and the other keeps A', async () => {
    await other.getByTestId('update-reload').click();
    await expect.poll(() => runningBuild(other), { timeout: 30_000 }).toBe('B');
    await waitForMapIdle(other);
    expect(await other.getByTestId('update-banner').count()).toBe(0);
    expect(await runningBuild(session.page)).toBe(A);
    // B now controls both tabs; the first still runs A, so it still offers B.
    expect(await session.page.getByTestId('update-banner').isVisible()).toBe(true);
  });

  step('in the tab still on A, under B’s worker, the import dialog opens and the CSV export downloads', async () => {
    // B's worker has asked every tab which build it runs (on taking over and on the reloaded
    // tab's load) and kept A's cache for this one.
    expect(await appCaches(session.page)).toHaveLength(2);
    await session.page.getByTestId('import-file-input').setInputFiles(join(FIXTURES, 'acled-valid.csv'));
    await session.page.getByTestId('import-report').waitFor({ timeout: 30_000 });
    expect(await session.page.getByTestId('import-accepted-count').innerText()).toContain('20');

    await session.page.getByTestId('export-open').click();
    const [download] = await Promise.all([session.page.waitForEvent('download', { timeout: 30_000 }), session.page.getByTestId('export-csv').click()]);
    const text = readFileSync(await download.path(), 'utf8').replace(/^\ufeff/, '');
    const rows = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
    expect(rows.data.map((row) => row['event_id_cnty']).sort()).toEqual(bundledData().incidents.map((incident) => incident.id).sort());
    await session.page.getByTestId('export-close').click();

    expect(await runningBuild(session.page)).toBe(A);
    expect(await appCaches(session.page)).toHaveLength(2);
    expect(session.consoleErrors).toEqual([]);
  });

  step('reloads the last tab on A into B, and A’s cache goes once no tab runs it', async () => {
    await session.page.getByTestId('update-reload').click();
    await expect.poll(() => runningBuild(session.page), { timeout: 30_000 }).toBe('B');
    await waitForMapIdle(session.page);
    expect(await session.page.getByTestId('update-banner').count()).toBe(0);
    await expect.poll(() => appCaches(session.page), { timeout: 15_000 }).toHaveLength(1);
    expect(session.consoleErrors).toEqual([]);
  });

  it('serves old tabs, offers the new version, and lets old caches go once no tab runs them', async () => {
    for (const [name, run] of steps) {
      try {
        await run();
      } catch (error) {
        throw new Error(`${name}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
      }
    }
  }, 400_000);
});
