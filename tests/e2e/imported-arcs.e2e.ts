/**
 * An analyst's own arcs (a CSV with origin and target coordinates) imported through the
 * column mapping: drawn as arcs in the colours of their kinds, without a label per
 * coordinate; one opens on a click, with what the file said; they follow the date range
 * and stay across a reload.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { arcPath, fanCurvature } from '../../src/lib/map/arc-path';
import { openBrowserSession, waitForMapIdle, type BrowserSession } from './browser-session';
import { decodePng, type DecodedImage } from './pixels';
import { project, viewHash } from './map-geometry';

/** The opening region: the generated arcs lie all over it. */
const REGION = { lon: 40.3, lat: 35.2, zoom: 6.3 };

/** Pixels clearly blue (the strikes' colour, blended or not) in a box of the screenshot. */
function bluish(image: DecodedImage, box = { x: 0, y: 0, width: image.width, height: image.height }): number {
  let n = 0;
  for (let y = box.y; y < Math.min(image.height, box.y + box.height); y++)
    for (let x = box.x; x < Math.min(image.width, box.x + box.width); x++) {
      const i = 4 * (y * image.width + x);
      const [r, g, b] = [image.data[i]!, image.data[i + 1]!, image.data[i + 2]!];
      if (b > r + 50 && b > g + 30) n++;
    }
  return n;
}

let session: BrowserSession | null = null;
let dir: string | null = null;
afterEach(async () => {
  await session?.close();
  session = null;
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = null;
});

/** Imports a CSV through the file input and the suggested column mapping; returns the report's text. */
async function importCsv(s: BrowserSession, file: string): Promise<string> {
  await s.page.getByTestId('import-file-input').setInputFiles(file);
  await s.page.getByTestId('import-mapping-apply').click({ timeout: 60_000 });
  await s.page.getByTestId('import-report').waitFor({ timeout: 60_000 });
  const accepted = await s.page.getByTestId('import-report').innerText();
  await s.page.getByTestId('import-confirm').click();
  await s.page.getByTestId('import-done').waitFor({ timeout: 60_000 });
  await s.page.getByTestId('import-dismiss').click();
  await waitForMapIdle(s.page);
  return accepted;
}

describe('imported arcs', () => {
  it('draws a file of 1,000 arcs as arcs, with no label for any of its 2,000 unnamed coordinates', async () => {
    dir = mkdtempSync(join(tmpdir(), 'strikes-arcs-'));
    const file = join(dir, 'arcs-1k.csv');
    writeFileSync(file, execFileSync('node', ['scripts/generate-arcs.mjs', '--rows', '1000', '--seed', '1']));
    session = await openBrowserSession(inject('appUrl'));
    await session.page.goto(`${session.appUrl}${viewHash({ ...REGION, width: 0, height: 0 })}`);
    await waitForMapIdle(session.page);
    const map = session.page.getByTestId('map');
    const placesBefore = Number(await map.getAttribute('data-place-count'));
    const before = bluish(decodePng(await map.screenshot()));
    expect(await importCsv(session, file)).toContain('1,000 arcs');
    // Thousands of pixels of strike-blue lines where there were a few bundled arcs.
    const after = bluish(decodePng(await map.screenshot()));
    expect(after).toBeGreaterThan(before + 5000);
    // Not one label more: the file names no place.
    expect(Number(await map.getAttribute('data-place-count'))).toBe(placesBefore);
    await session.page.getByTestId('tab-data').click();
    expect(await session.page.getByTestId('dataset-item').filter({ hasText: 'arcs-1k' }).innerText()).toContain('1,000 arcs');
    expect(session.consoleErrors).toEqual([]);
  });

  it('opens an arc on a click with what the file said, follows the date range, and keeps it across a reload', async () => {
    dir = mkdtempSync(join(tmpdir(), 'strikes-arcs-'));
    const file = join(dir, 'my-arcs.csv');
    // One strike in the desert south-west of the bundled incidents, with a named target.
    const from: [number, number] = [38.9, 34.3];
    const to: [number, number] = [39.7, 34.6];
    writeFileSync(
      file,
      'id,timestamp,origin_lat,origin_lng,target_lat,target_lng,kind,weapon,notes,target\n' +
        `s1,2023-11-12T21:00:00Z,${from[1]},${from[0]},${to[1]},${to[0]},US strike,F-15E,"Strike on a depot <b>near</b> the road",Depot 7\n`,
    );
    const view = { lon: 39.3, lat: 34.5, zoom: 8 };
    session = await openBrowserSession(inject('appUrl'));
    const { page } = session;
    await page.goto(`${session.appUrl}${viewHash({ ...view, width: 0, height: 0 })}`);
    await waitForMapIdle(page);
    const map = page.getByTestId('map');
    const placesBefore = Number(await map.getAttribute('data-place-count'));
    expect(await importCsv(session, file)).toContain('1 arc');
    // The named target gets its label; the unnamed origin none. (The views take the new data once
    // they are read back, in a worker: the map may have been idle a moment before.)
    await expect.poll(async () => Number(await map.getAttribute('data-place-count'))).toBe(placesBefore + 1);
    await waitForMapIdle(page);
    const box = (await map.boundingBox())!;
    const size = { width: Math.round(box.width), height: Math.round(box.height) };
    const path = arcPath(from, to, fanCurvature(0));
    const middle = project({ ...view, ...size }, path[path.length >> 1]!);
    const around = { x: Math.round(middle.x) - 6, y: Math.round(middle.y) - 6, width: 13, height: 13 };
    expect(bluish(decodePng(await map.screenshot()), around)).toBeGreaterThan(5);
    await map.click({ position: middle });
    const panel = page.getByTestId('event-panel');
    await panel.waitFor();
    const text = await panel.innerText();
    expect(text).toContain('F-15E');
    expect(text).toContain('US strike');
    expect(text).toContain('Depot 7');
    // Markup in the file is text.
    expect(await page.getByTestId('event-notes').innerText()).toBe('Strike on a depot <b>near</b> the road');
    // A range that ends before it: not drawn. Reopened on its month after a reload: drawn.
    await page.goto(`${session.appUrl}?from=2023-01-01&to=2023-10-31${viewHash({ ...view, width: 0, height: 0 })}`);
    await waitForMapIdle(page);
    expect(bluish(decodePng(await map.screenshot()), around)).toBe(0);
    await page.goto(`${session.appUrl}?from=2023-11-01&to=2023-11-30${viewHash({ ...view, width: 0, height: 0 })}`);
    await waitForMapIdle(page);
    expect(bluish(decodePng(await map.screenshot()), around)).toBeGreaterThan(5);
    expect(session.consoleErrors).toEqual([]);
  });
});
