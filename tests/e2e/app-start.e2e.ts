/**
 * The skeleton a new user meets: the offline map with the bundled incidents as arcs,
 * nothing asked of another origin, and the data kept in IndexedDB across reloads.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { BASEMAP_COLORS } from '../../src/lib/map/basemap-data';
import { KIND_COLORS } from '../../src/lib/map/incident-style';
import { expectNothingAmiss, openBrowserSession, waitForMapIdle, type BrowserSession } from './browser-session';
import { countPixelsNear, decodePng, hexToRgb } from './pixels';
import { countRecords } from './stored-records';

const bundled = JSON.parse(readFileSync('data/incidents.json', 'utf8')) as { incidents: { kind: string }[] };

async function storedIncidentCount(session: BrowserSession): Promise<number> {
  return (await countRecords(session.page))['incidents'] ?? 0;
}

describe('first visit and reload', () => {
  let session: BrowserSession;
  const datasetChunkRequests: string[] = [];

  beforeAll(async () => {
    session = await openBrowserSession(inject('appUrl'));
    session.context.on('request', (r) => {
      if (/bundled-dataset/.test(r.url())) datasetChunkRequests.push(r.url());
    });
    await session.page.goto(session.appUrl);
    await waitForMapIdle(session.page);
    // What the first visit logged or asked of other origins is checked after the first test.
  });
  afterAll(async () => session?.close());
  afterEach(() => expectNothingAmiss(session));

  it('shows every bundled incident in the count, each as an arc or an impact', async () => {
    await expect.poll(() => session.page.getByTestId('incident-count').innerText()).toBe(`${bundled.incidents.length} incidents`);
    const map = session.page.getByTestId('map');
    const drawn = Number(await map.getAttribute('data-arc-count')) + Number(await map.getAttribute('data-impact-count'));
    expect(drawn).toBe(bundled.incidents.length);
  });

  it('draws the basemap and the arcs on the canvas', async () => {
    // The whole page as a first-time user sees it, kept for a look (test-results/ is not tracked).
    mkdirSync('test-results', { recursive: true });
    writeFileSync('test-results/first-visit.png', await session.page.screenshot());
    const image = decodePng(await session.page.getByTestId('map').screenshot());
    const total = image.width * image.height;
    // The opening view frames eastern Syria, drawn in focusLand.
    expect(countPixelsNear(image, hexToRgb(BASEMAP_COLORS.focusLand), 4)).toBeGreaterThan(total * 0.3);
    expect(countPixelsNear(image, KIND_COLORS['attack-on-coalition'], 40)).toBeGreaterThan(60);
    expect(countPixelsNear(image, KIND_COLORS['coalition-strike'], 40)).toBeGreaterThan(60);
  });

  it('draws the arcs in the opening frame, and the impacts and target halos in a later one before the map is idle', async () => {
    // src/lib/map/arcs-first.ts: the points' shader program would hold the arcs' first frame back.
    const frames = await session.page.evaluate(() => window.__strikesMapPerf);
    expect(frames?.firstIncidentFrame).toBeGreaterThan(0);
    expect(frames?.firstCompleteFrame).toBeGreaterThan(frames!.firstIncidentFrame!);
    const map = session.page.getByTestId('map');
    expect(Number(await map.getAttribute('data-impact-count'))).toBeGreaterThan(0);
  });

  it('draws the neighbours and the sea in a view of the whole region', async () => {
    const page = await session.context.newPage();
    await page.goto(`${session.appUrl}#map=5.5/34.8/39.5`);
    await waitForMapIdle(page);
    const image = decodePng(await page.getByTestId('map').screenshot());
    const total = image.width * image.height;
    // Syria and Iraq are drawn in focusLand, their neighbours in land.
    expect(countPixelsNear(image, hexToRgb(BASEMAP_COLORS.focusLand), 4)).toBeGreaterThan(total * 0.3);
    expect(countPixelsNear(image, hexToRgb(BASEMAP_COLORS.land), 4)).toBeGreaterThan(total * 0.02);
    expect(countPixelsNear(image, hexToRgb(BASEMAP_COLORS.sea), 4)).toBeGreaterThan(total * 0.01);
    await page.close();
  });

  it('loaded the bundled data into IndexedDB on the first visit', async () => {
    expect(datasetChunkRequests.length).toBe(1);
    expect(await storedIncidentCount(session)).toBe(bundled.incidents.length);
  });

  it('after a reload, draws everything from IndexedDB without the bundled data', async () => {
    datasetChunkRequests.length = 0;
    // Cut the way to the bundled dataset: if the app needed it, the map would stay empty.
    await session.page.route(/bundled-dataset/, (route) => route.abort('internetdisconnected'));
    await session.page.reload();
    await waitForMapIdle(session.page);
    await expect.poll(() => session.page.getByTestId('incident-count').innerText()).toBe(`${bundled.incidents.length} incidents`);
    const image = decodePng(await session.page.getByTestId('map').screenshot());
    expect(countPixelsNear(image, KIND_COLORS['attack-on-coalition'], 40)).toBeGreaterThan(60);
    expect(datasetChunkRequests).toEqual([]);
    expect(session.consoleErrors).toEqual([]);
    await session.page.unroute(/bundled-dataset/);
  });
});

describe('offline', () => {
  let session: BrowserSession;
  beforeAll(async () => {
    session = await openBrowserSession(inject('appUrl'), undefined, { serviceWorkers: 'allow' });
  });
  afterAll(async () => session?.close());

  it('opens again with the network cut, from the offline cache and IndexedDB', async () => {
    await session.page.goto(session.appUrl);
    await waitForMapIdle(session.page);
    // The service worker has cached every file of the build once it controls the page.
    await session.page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller) await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
    });
    await session.context.setOffline(true);
    await session.page.reload();
    await waitForMapIdle(session.page);
    await expect.poll(() => session.page.getByTestId('incident-count').innerText()).toBe(`${bundled.incidents.length} incidents`);
    const image = decodePng(await session.page.getByTestId('map').screenshot());
    expect(countPixelsNear(image, hexToRgb(BASEMAP_COLORS.focusLand), 4)).toBeGreaterThan(image.width * image.height * 0.3);
    expect(countPixelsNear(image, KIND_COLORS['attack-on-coalition'], 40)).toBeGreaterThan(60);
    expect(session.consoleErrors).toEqual([]);
    await session.context.setOffline(false);
  });
});
