/**
 * A large import (more rows than DENSITY_MIN_ROWS) drawn as a density image: squares where
 * the events are, darker where there are more, following the date range; clicking one opens
 * an event that lies there.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DENSITY_MIN_ROWS } from '../../src/lib/map/event-density';
import { openBrowserSession, waitForMapIdle, type BrowserSession } from './browser-session';
import { decodePng, type DecodedImage } from './pixels';
import { project, viewHash } from './map-geometry';

const ROWS = DENSITY_MIN_ROWS + 10_000;
/** Hajin, one of scripts/generate-acled.mjs's places, away from the curated incidents: [lon, lat]. */
const HAJIN: [number, number] = [40.8313, 34.6934];
const VIEW = { lon: 40.6, lat: 35.0, zoom: 7.5 };

/** How dark a square of the screenshot around a point is: the mean of 765 − (r + g + b). */
function darkness(image: DecodedImage, at: { x: number; y: number }, half = 6): number {
  let sum = 0;
  let n = 0;
  for (let y = Math.round(at.y) - half; y <= Math.round(at.y) + half; y++) {
    for (let x = Math.round(at.x) - half; x <= Math.round(at.x) + half; x++) {
      const i = 4 * (y * image.width + x);
      sum += 765 - image.data[i]! - image.data[i + 1]! - image.data[i + 2]!;
      n++;
    }
  }
  return sum / n;
}

describe(`a dataset of ${ROWS.toLocaleString('en-US')} events`, () => {
  let session: BrowserSession;
  let dir: string;
  let at: { x: number; y: number };
  let box: { x: number; y: number; width: number; height: number };
  let before: number;
  let full: number;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'strikes-density-'));
    const file = join(dir, 'acled-large.csv');
    writeFileSync(file, execFileSync('node', ['scripts/generate-acled.mjs', '--rows', String(ROWS), '--seed', '7'], { maxBuffer: 1 << 30 }));
    session = await openBrowserSession(inject('appUrl'));
    await session.page.goto(`${session.appUrl}${viewHash({ ...VIEW, width: 0, height: 0 })}`);
    await waitForMapIdle(session.page);
    box = (await session.page.getByTestId('map').boundingBox())!;
    at = project({ ...VIEW, width: Math.round(box.width), height: Math.round(box.height) }, HAJIN);
    before = darkness(decodePng(await session.page.getByTestId('map').screenshot()), at);
    await session.page.getByTestId('import-file-input').setInputFiles(file);
    await session.page.getByTestId('import-report').waitFor({ timeout: 60_000 });
    await session.page.getByTestId('import-confirm').click();
    await session.page.getByTestId('import-done').waitFor({ timeout: 60_000 });
    await session.page.getByTestId('import-dismiss').click();
    await waitForMapIdle(session.page);
    full = darkness(decodePng(await session.page.getByTestId('map').screenshot()), at);
  }, 180_000);
  afterAll(async () => {
    await session?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('draws it as a density image, with its legend entry', async () => {
    await expect.poll(() => session.page.getByTestId('event-count').innerText()).toContain(`${ROWS.toLocaleString('en-US')} imported events`);
    // The legend starts folded at this size: open it.
    if ((await session.page.getByTestId('legend-toggle').getAttribute('aria-expanded')) === 'false') await session.page.getByTestId('legend-toggle').click();
    expect(await session.page.getByTestId('legend-event-density').isVisible()).toBe(true);
    expect(await session.page.getByTestId('legend-event').count()).toBe(0);
    const image = decodePng(await session.page.getByTestId('map').screenshot());
    // Thousands of events at Hajin: a dark square where the basemap was light.
    expect(darkness(image, at)).toBeGreaterThan(before + 150);
    // And nothing drawn a little away from any of the generator's places (45 km west of Hajin, in the desert).
    const away = project({ ...VIEW, width: Math.round(box.width), height: Math.round(box.height) }, [40.3, 34.6]);
    expect(darkness(image, away)).toBeLessThan(before + 30);
    expect(session.consoleErrors).toEqual([]);
  });

  it('opens an event at the place clicked', async () => {
    await session.page.mouse.click(box.x + at.x, box.y + at.y);
    const panel = session.page.getByTestId('event-panel');
    await panel.waitFor();
    expect(await panel.innerText()).toContain('Hajin');
  });

  it('counts only the events of the date range', async () => {
    // One month of four years: about a fiftieth of the events, so lighter squares.
    await session.page.goto(`${session.appUrl}?from=2022-03-01&to=2022-03-31${viewHash({ ...VIEW, width: 0, height: 0 })}`);
    await waitForMapIdle(session.page);
    const month = darkness(decodePng(await session.page.getByTestId('map').screenshot()), at);
    expect(month).toBeGreaterThan(before + 40);
    expect(month).toBeLessThan(full - 60);
  });
});
