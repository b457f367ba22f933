/**
 * Publishing (issue 21): the app writes a static site as a zip; unzipped and served by a plain
 * static server, it opens read-only in the chosen view, asks no other origin for anything,
 * draws again with the network cut, and fills a 600×400 frame of another site as an embed.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { decodeBackup } from '../../src/lib/data/backup-format';
import type { Frame } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { KIND_COLORS } from '../../src/lib/map/incident-style';
import { openBrowserSession, waitForMapIdle } from './browser-session';
import { download } from './downloads';
import { bundledData } from './map-geometry';
import { countPixelsNear, decodePng } from './pixels';
import { serveFolder, type StaticServer } from './static-server';

const FROM = '2022-08-01';
const TO = '2022-09-30';
const KIND = 'attack-on-coalition';
/** The incidents the published view shows: attacks on bases in August and September 2022. */
const expected = bundledData().incidents.filter((i) => i.kind === KIND && i.date >= FROM && i.date <= TO);

const attackPixels = async (image: Buffer) => countPixelsNear(decodePng(image), KIND_COLORS[KIND], 40);

describe('a published map', () => {
  let folder: string;
  let server: StaticServer;
  /** The published site's address: the folder the zip holds, on the static server. */
  let siteUrl: string;
  let zipFiles: string[];

  beforeAll(async () => {
    // Publish from the app in a chosen state: a range, a filter, Arabic.
    const app = await openBrowserSession(inject('appUrl'));
    try {
      await app.page.goto(`${app.appUrl}?from=${FROM}&to=${TO}&kind=${KIND}&lang=ar`);
      await waitForMapIdle(app.page);
      await app.page.getByTestId('export-open').click();
      const zip = await download(app.page, () => app.page.getByTestId('export-site').click(), 120_000);
      expect(zip.name).toMatch(/^strikes-map_\d{4}-\d{2}-\d{2}\.zip$/);
      expect(app.consoleErrors).toEqual([]);
      expect(app.foreignRequests).toEqual([]);
      folder = mkdtempSync(join(tmpdir(), 'strikes-published-'));
      const files = unzipSync(new Uint8Array(zip.bytes));
      zipFiles = Object.keys(files);
      for (const [name, bytes] of Object.entries(files)) {
        if (name.endsWith('/')) continue;
        mkdirSync(dirname(join(folder, name)), { recursive: true });
        writeFileSync(join(folder, name), bytes);
      }
    } finally {
      await app.close();
    }
    server = await serveFolder(folder);
    siteUrl = `${server.url}${zip0(zipFiles)}/`;
  }, 180_000);
  afterAll(async () => {
    await server?.close();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  it('holds the app, its configuration and the data in one folder', () => {
    const top = zip0(zipFiles);
    for (const file of ['index.html', 'sw.js', 'site/site.json', 'site/data.zip']) expect(zipFiles).toContain(`${top}/${file}`);
    expect(zipFiles.filter((f) => f.startsWith(`${top}/assets/`) && f.endsWith('.js')).length).toBeGreaterThan(5);
  });

  it('opens read-only in the chosen range, filter and language, asks no other origin, and draws again offline', async () => {
    const session = await openBrowserSession(siteUrl, undefined, { serviceWorkers: 'allow' });
    try {
      const { page } = session;
      await page.goto(siteUrl);
      await waitForMapIdle(page);
      expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(['ar', 'rtl']);
      expect(await page.getByTestId('range-from').inputValue()).toBe(FROM);
      expect(await page.getByTestId('range-to').inputValue()).toBe(TO);
      expect(new URL(page.url()).searchParams.getAll('kind')).toEqual([KIND]);
      expect(expected.length).toBeGreaterThan(1);
      await expect.poll(() => page.locator('[data-testid="incident-list"] li').count()).toBe(expected.length);
      expect(await attackPixels(await page.getByTestId('map').screenshot())).toBeGreaterThan(60);
      // Read-only: no import, no renaming or deleting a dataset, no publishing again.
      await page.getByTestId('tab-data').click();
      await expect.poll(() => page.getByTestId('dataset-item').count()).toBe(1);
      for (const control of ['import-file-input', 'import-dialog', 'dataset-rename', 'dataset-delete']) expect(await page.getByTestId(control).filter({ visible: true }).count(), control).toBe(0);
      await page.getByTestId('export-open').click();
      expect(await page.getByTestId('export-png').isVisible()).toBe(true);
      expect(await page.getByTestId('export-site').count()).toBe(0);

      // Offline after the first visit: the worker has cached the site, the data are in IndexedDB.
      await page.evaluate(async () => {
        await navigator.serviceWorker.ready;
        if (!navigator.serviceWorker.controller) await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
      });
      await session.context.setOffline(true);
      await page.reload();
      await waitForMapIdle(page);
      await expect.poll(() => page.locator('[data-testid="incident-list"] li').count()).toBe(expected.length);
      expect(await attackPixels(await page.getByTestId('map').screenshot())).toBeGreaterThan(60);
      expect(session.consoleErrors).toEqual([]);
      expect(session.foreignRequests).toEqual([]);
    } finally {
      await session.close();
    }
  }, 120_000);

  it('fills a 600×400 frame of another site with the map, the timeline and play', async () => {
    const host = mkdtempSync(join(tmpdir(), 'strikes-host-'));
    writeFileSync(join(host, 'index.html'), `<!doctype html><link rel="icon" href="data:,"><title>Article</title><p>Text above.</p><iframe src="${siteUrl}" title="Map" width="600" height="400" style="border:0"></iframe><p>Text below.</p>`);
    const hostServer = await serveFolder(host);
    const session = await openBrowserSession(hostServer.url, { width: 800, height: 600 });
    try {
      await session.page.goto(hostServer.url);
      const frame = await (await session.page.locator('iframe').elementHandle())!.contentFrame();
      await waitForMapIdle(frame!);
      const box = (selector: string) => boxIn(frame!, selector);
      expect(await frame!.getByTestId('embed').count()).toBe(1);
      // No header, no side panel: the map, play and the timeline share the frame.
      expect(await frame!.getByTestId('lang-toggle').count()).toBe(0);
      expect(await frame!.getByTestId('incident-list').count()).toBe(0);
      const map = await box('[data-testid="map"]');
      const play = await box('[data-testid="play"]');
      const chart = await box('[data-testid="timeline-chart"]');
      expect(map.x).toBe(0);
      expect(map.width).toBe(600);
      expect(map.height).toBeGreaterThan(200);
      expect(chart.width).toBeGreaterThan(560);
      for (const part of [play, chart]) {
        expect(part.y).toBeGreaterThanOrEqual(map.y + map.height - 1);
        expect(part.y + part.height).toBeLessThanOrEqual(400);
      }
      expect(chart.y + chart.height).toBeGreaterThan(370);
      // The incidents of the published view are drawn in the frame.
      const frameShot = await session.page.locator('iframe').screenshot();
      expect(await attackPixels(frameShot)).toBeGreaterThan(40);
      const link = frame!.getByTestId('embed-open-full');
      expect(await link.getAttribute('target')).toBe('_blank');
      expect(new URL((await link.getAttribute('href'))!).searchParams.get('embed')).toBe('0');
      expect(session.consoleErrors).toEqual([]);
    } finally {
      await session.close();
      await hostServer.close();
      rmSync(host, { recursive: true, force: true });
    }
  }, 120_000);
});

describe('publishing from the command line', () => {
  it('writes the same site from files and a view: the bundled incidents and the imported events, opened in the chosen view', async () => {
    const work = mkdtempSync(join(tmpdir(), 'strikes-publish-cli-'));
    let server: StaticServer | undefined;
    const session = await openBrowserSession('http://127.0.0.1/');
    try {
      const zipPath = join(work, 'site.zip');
      const output = execFileSync(
        process.execPath,
        ['scripts/publish.mjs', '--import', 'tests/fixtures/import/acled-valid.csv', '--view', 'http://127.0.0.1:4173/?from=2023-01-01&lang=ar#map=7/35/40', '--title', 'CLI map', '--out', zipPath],
        { encoding: 'utf8', env: { ...process.env, NODE_ENV: 'production' } },
      );
      expect(output).toMatch(/acled-valid\.csv: \d+ events/);
      const files = unzipSync(new Uint8Array(readFileSync(zipPath)));
      const top = zip0(Object.keys(files));
      expect(top).toMatch(/^cli-map_/);
      const config = JSON.parse(strFromU8(files[`${top}/site/site.json`]!));
      expect(config.view.search).toBe('?from=2023-01-01&lang=ar');
      expect(config.view.hash).toBe('#map=7/35/40');
      const data = decodeBackup(files[`${top}/site/data.zip`]!).records;
      expect(data.datasets.map((d) => d['kind']).sort()).toEqual(['bundled', 'import']);
      const events = data.eventChunks.reduce((n, c) => n + (c['length'] as number), 0);
      expect(events).toBeGreaterThan(0);
      for (const [name, bytes] of Object.entries(files)) {
        mkdirSync(dirname(join(work, name)), { recursive: true });
        writeFileSync(join(work, name), bytes);
      }
      server = await serveFolder(work);
      const url = `${server.url}${top}/`;
      await session.page.goto(url);
      await waitForMapIdle(session.page);
      expect(await session.page.getByTestId('range-from').inputValue()).toBe('2023-01-01');
      expect(await session.page.evaluate(() => document.documentElement.lang)).toBe('ar');
      // The imported events are there (the header counts them), the map at the view given.
      await expect.poll(() => session.page.getByTestId('event-count').count()).toBe(1);
      expect(new URL(session.page.url()).hash).toMatch(/^#map=7\/35\/40/);
      expect(session.consoleErrors).toEqual([]);
    } finally {
      await session.close();
      await server?.close();
      rmSync(work, { recursive: true, force: true });
    }
  }, 120_000);
});

/** The folder at the top of the zip. */
function zip0(files: string[]): string {
  return files[0]!.split('/')[0]!;
}

async function boxIn(frame: Frame, selector: string): Promise<{ x: number; y: number; width: number; height: number }> {
  return frame.evaluate((s) => {
    const r = document.querySelector(s)!.getBoundingClientRect();
    return { x: r.x, y: r.y, width: r.width, height: r.height };
  }, selector);
}
