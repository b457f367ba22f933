/**
 * Searching what was imported (issue 22): the search box finds imported events by the words
 * of their notes, places and admin areas, folded as the incidents' search folds Arabic; the
 * map draws only the matches, the header and the panel count them, and a link with the query
 * opens with the same matches after a reload (the index read back from IndexedDB).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { EVENT_COLOR } from '../../src/lib/map/event-layers';
import { expectNothingAmiss, openBrowserSession, waitForMapIdle, type BrowserSession } from './browser-session';
import { project, viewHash, type View } from './map-geometry';
import { countPixelsNear, decodePng } from './pixels';

/** Two spots in empty desert, away from the bundled incidents. */
const MAYADIN_ROWS: [number, number] = [41.2, 34.8];
const DRONE_ROWS: [number, number] = [39.9, 34.4];

/** 12 events whose Arabic notes name al-Mayadin (some with vowel marks), 12 others about a drone. */
function acledFile(dir: string): string {
  const header = 'event_id_cnty,event_date,event_type,latitude,longitude,location,admin1,actor1,notes';
  const rows: string[] = [];
  for (let i = 0; i < 12; i++) {
    const notes = i % 2 ? 'قصفٌ صاروخيّ على مدينة المَيادين' : 'استهداف مواقع في الميادين بقذائف الهاون';
    rows.push(`SRCH${i},${10 + i} March 2023,Explosions/Remote violence,${MAYADIN_ROWS[1]},${MAYADIN_ROWS[0]},Desert A,Deir ez-Zor,Unidentified Armed Group (Syria),${notes}`);
  }
  for (let i = 12; i < 24; i++)
    rows.push(`SRCH${i},${i - 2} March 2023,Explosions/Remote violence,${DRONE_ROWS[1]},${DRONE_ROWS[0]},Desert B,Homs,Military Forces of the United States (2021-),"A one-way drone was shot down, no casualties."`);
  const file = join(dir, 'acled-search.csv');
  writeFileSync(file, `${header}\n${rows.join('\n')}\n`);
  return file;
}

async function importedEvents(page: Page): Promise<number> {
  if ((await page.getByTestId('event-count').count()) === 0) return 0;
  return Number((await page.getByTestId('event-count').innerText()).replace(/[^\d]/g, ''));
}

/** Event-coloured pixels around each spot, on the map as drawn now. */
async function dotsAt(page: Page, view: View): Promise<{ mayadin: number; drone: number }> {
  await waitForMapIdle(page);
  const image = decodePng(await page.getByTestId('map').screenshot());
  const around = (spot: [number, number]) => {
    const at = project(view, spot);
    return countPixelsNear(image, EVENT_COLOR, 30, { x: Math.round(at.x) - 8, y: Math.round(at.y) - 8, width: 16, height: 16 });
  };
  return { mayadin: around(MAYADIN_ROWS), drone: around(DRONE_ROWS) };
}

/** Types a query and waits for its answer (the page's 'event-search' measure names the query it answered). */
async function search(page: Page, query: string, expected: number): Promise<void> {
  const answered = () => performance.getEntriesByName('event-search').length;
  const before = await page.evaluate(answered);
  await page.getByTestId('search').fill(query);
  await page.waitForFunction(
    ([q, n]) => performance.getEntriesByName('event-search').slice(n as number).some((e) => (e as PerformanceMeasure).detail?.query === q),
    [query.trim(), before] as const,
  );
  await expect.poll(() => page.getByTestId('event-search-status').innerText(), { timeout: 20_000 }).toBe(`${expected} imported events match`);
  expect(await importedEvents(page)).toBe(expected);
}

describe('searching imported events', () => {
  let session: BrowserSession;
  let workDir: string;
  let view: View;
  beforeAll(async () => {
    workDir = mkdtempSync(join(tmpdir(), 'strikes-search-'));
    session = await openBrowserSession(inject('appUrl'));
    await session.page.goto(`${session.appUrl}?from=2023-03-01&to=2023-03-31`);
    await waitForMapIdle(session.page);
    const box = (await session.page.getByTestId('map').boundingBox())!;
    view = { lon: 40.55, lat: 34.6, zoom: 8, width: Math.round(box.width), height: Math.round(box.height) };
    await session.page.evaluate((hash) => (location.hash = hash), viewHash(view));
    await session.page.getByTestId('import-file-input').setInputFiles(acledFile(workDir));
    await session.page.getByTestId('import-report').waitFor();
    await session.page.getByTestId('import-confirm').click();
    await session.page.getByTestId('import-done').waitFor();
    await session.page.getByTestId('import-dismiss').click();
    await session.page.waitForFunction(() => /24 imported events/.test(document.querySelector('[data-testid="event-count"]')?.textContent ?? ''));
  });
  afterAll(async () => {
    await session?.close();
    rmSync(workDir, { recursive: true, force: true });
  });
  afterEach(() => expectNothingAmiss(session));

  it('draws and counts only the events whose notes match, Arabic folded (vowel marks, ta marbuta)', async () => {
    const all = await dotsAt(session.page, view);
    expect(all.mayadin).toBeGreaterThan(10);
    expect(all.drone).toBeGreaterThan(10);

    // Typed without vowel marks: rows written with and without them match.
    await search(session.page, 'الميادين', 12);
    const mayadin = await dotsAt(session.page, view);
    expect(mayadin.mayadin).toBeGreaterThan(10);
    expect(mayadin.drone).toBe(0);

    // Two words, English, another case; and an admin area.
    await search(session.page, 'DRONE one-way', 12);
    const drone = await dotsAt(session.page, view);
    expect(drone.mayadin).toBe(0);
    expect(drone.drone).toBeGreaterThan(10);
    await search(session.page, 'homs', 12);
    await search(session.page, 'مدينه صاروخي', 6);
    await search(session.page, 'nothing like this', 0);
    expect(await dotsAt(session.page, view)).toEqual({ mayadin: 0, drone: 0 });

    await session.page.getByTestId('search').fill('');
    await expect.poll(() => importedEvents(session.page)).toBe(24);
    expect(await session.page.getByTestId('event-search-status').count()).toBe(0);
  });

  it('opens a link with a query on the same matches, the index read back from storage', async () => {
    await search(session.page, 'الميادين', 12);
    await expect.poll(() => new URL(session.page.url()).searchParams.get('q')).toBe('الميادين');
    const url = session.page.url();
    await session.page.goto('about:blank');
    await session.page.goto(url);
    await waitForMapIdle(session.page);
    await expect.poll(() => session.page.getByTestId('event-search-status').innerText(), { timeout: 20_000 }).toBe('12 imported events match');
    expect(await importedEvents(session.page)).toBe(12);
    const drawn = await dotsAt(session.page, view);
    expect(drawn.mayadin).toBeGreaterThan(10);
    expect(drawn.drone).toBe(0);
    // Read, not built again: the import stored it.
    const built = await session.page.evaluate(() => performance.getEntriesByName('event-search').map((e) => (e as PerformanceMeasure).detail.built as string[]));
    expect(built.flat()).toEqual([]);
  });
});
