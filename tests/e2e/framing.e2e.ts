/**
 * The story at first sight: the opening view frames the Deir ez-Zor theatre, choosing a
 * range shows its incidents at once and frames them, incidents outside the view stay one
 * click away, playback follows the action, and the map never changes size under the user.
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { KIND_COLORS } from '../../src/lib/map/incident-style';
import { WAVES } from '../../src/lib/timeline/waves';
import { openBrowserSession, waitForMapIdle, type BrowserSession } from './browser-session';
import { bundledArcs, bundledData, project, type View } from './map-geometry';
import { countPixelsNear, decodePng } from './pixels';

const { incidents, places } = bundledData();
const arcs = bundledArcs();

let session: BrowserSession | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

async function open(path = '', options: { reducedMotion?: boolean } = {}): Promise<BrowserSession> {
  session = await openBrowserSession(inject('appUrl'));
  if (options.reducedMotion) await session.page.emulateMedia({ reducedMotion: 'reduce' });
  await session.page.goto(`${session.appUrl}${path}`);
  await waitForMapIdle(session.page);
  return session;
}

/** Waits until the camera has stopped and the map has drawn what it shows. */
async function waitForCamera(page: Page): Promise<void> {
  await page.locator('[data-testid="map"][data-camera-animating="false"]').waitFor({ state: 'attached', timeout: 30_000 });
  await waitForMapIdle(page);
}

/** The camera as the address holds it (MapLibre writes `#map=zoom/lat/lon` after each move). */
async function currentView(page: Page): Promise<View> {
  const box = (await page.getByTestId('map').boundingBox())!;
  await expect.poll(() => page.evaluate(() => location.hash)).toMatch(/map=/);
  const hash = await page.evaluate(() => location.hash);
  const [zoom, lat, lon, bearing] = hash.replace(/^#map=/, '').split('/').map(Number) as [number, number, number, number | undefined];
  expect(bearing ?? 0).toBe(0);
  return { zoom, lat, lon, width: Math.round(box.width), height: Math.round(box.height) };
}

async function canvasSize(page: Page): Promise<string> {
  return page.evaluate(() => [...document.querySelectorAll('[data-testid="map"] canvas')].map((c) => `${c.clientWidth}x${c.clientHeight}`).join(' '));
}

/** Every point an incident is drawn at (its target, and its origin when it has one). */
function incidentPoints(id: string): [number, number][] {
  const incident = incidents.find((i) => i.id === id)!;
  return [incident.targetId, incident.originId].filter((p): p is string => p !== null).map((p) => [places.get(p)!.lon, places.get(p)!.lat]);
}

function inside(view: View, point: [number, number]): boolean {
  const p = project(view, point);
  return p.x >= 0 && p.x <= view.width && p.y >= 0 && p.y <= view.height;
}

function firePixels(image: ReturnType<typeof decodePng>): number {
  return (['attack-on-coalition', 'coalition-strike', 'other-strike', 'claimed-attack'] as const).reduce((n, kind) => n + countPixelsNear(image, KIND_COLORS[kind], 40), 0);
}

describe('the opening view', () => {
  it('draws the al-Mayadin → al-Omar arcs at least 40 px long (app geometry and map projection), and points at the incidents outside it with markers that frame them when clicked', async () => {
    const { page } = await open();
    const view = await currentView(page);
    const theatre = arcs.filter((a) => a.incident.originId === 'al-mayadin' && a.incident.targetId === 'al-omar');
    expect(theatre.length).toBeGreaterThan(0);
    for (const arc of theatre) {
      const screen = arc.path.map((p) => project(view, p));
      let length = 0;
      for (let i = 1; i < screen.length; i++) length += Math.hypot(screen[i]!.x - screen[i - 1]!.x, screen[i]!.y - screen[i - 1]!.y);
      expect(length, arc.incident.id).toBeGreaterThanOrEqual(40);
      expect(screen.every((p) => p.x > 0 && p.x < view.width && p.y > 0 && p.y < view.height), arc.incident.id).toBe(true);
    }
    // And they are drawn there: fire-red pixels along the arcs.
    const image = decodePng(await page.getByTestId('map').screenshot());
    const middle = project(view, theatre[0]!.path[theatre[0]!.path.length >> 1]!);
    const box = { x: Math.round(middle.x) - 15, y: Math.round(middle.y) - 15, width: 31, height: 31 };
    expect(countPixelsNear(image, KIND_COLORS['attack-on-coalition'], 40, box)).toBeGreaterThan(10);
    expect(session!.consoleErrors).toEqual([]);

    // The incidents outside the view have markers at the edge, which frame them when clicked.
    const outside = incidents.filter((i) => incidentPoints(i.id).every((p) => !inside(view, p)));
    expect(outside.length).toBeGreaterThan(0);
    const markers = page.getByTestId('edge-marker');
    const counts = (await markers.evaluateAll((els) => els.map((e) => Number((e as HTMLElement).dataset['count'])))).reduce((a, b) => a + b, 0);
    expect(counts).toBe(outside.length);
    // The marker pointing to al-Tanf, clicked, brings al-Tanf into view.
    const tanf = page.locator('[data-testid="edge-marker"][data-places~="al-tanf"]');
    await tanf.click();
    await waitForCamera(page);
    const after = await currentView(page);
    expect(inside(after, [places.get('al-tanf')!.lon, places.get('al-tanf')!.lat])).toBe(true);
    expect(await page.locator('[data-testid="edge-marker"][data-places~="al-tanf"]').count()).toBe(0);
  });

  it('keeps exactly the view a link gives with #map=', async () => {
    const { page } = await open('?from=2022-08-01&to=2022-09-30#map=9.5/35.2/40.5');
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => location.hash)).toBe('#map=9.5/35.2/40.5');
  });
});

describe('choosing a range', () => {
  it('shows each wave at once, frames all its incidents, and never resizes the map', async () => {
    const { page } = await open();
    const size = await canvasSize(page);
    // Seen animating at least once: the same check under reduced motion (below) can fail.
    await page.evaluate(() => {
      const map = document.querySelector('[data-testid="map"]')!;
      (window as unknown as { animated: boolean }).animated = false;
      new MutationObserver(() => {
        if (map.getAttribute('data-camera-animating') === 'true') (window as unknown as { animated: boolean }).animated = true;
      }).observe(map, { attributes: true });
    });
    for (const wave of WAVES) {
      await page.locator(`[data-wave="${wave.id}"]`).click();
      await waitForCamera(page);
      const inWave = incidents.filter((i) => i.date >= wave.from && i.date <= wave.to);
      await expect.poll(() => page.getByTestId('incident-count').innerText()).toBe(`${inWave.length} of ${incidents.length} incidents`);
      // Final state, not the playhead on the wave's first day.
      expect(await page.getByTestId('show-all').isVisible()).toBe(false);
      const view = await currentView(page);
      for (const incident of inWave) for (const p of incidentPoints(incident.id)) expect(inside(view, p), `${wave.id}: ${incident.id}`).toBe(true);
      const image = decodePng(await page.getByTestId('map').screenshot());
      expect(firePixels(image), wave.id).toBeGreaterThan(40);
      expect(await canvasSize(page), wave.id).toBe(size);
    }
    expect(await page.evaluate(() => (window as unknown as { animated: boolean }).animated)).toBe(true);
  });

  it('moves the camera at once, without animating, when the reader prefers reduced motion', async () => {
    const { page } = await open('', { reducedMotion: true });
    const before = await currentView(page);
    await page.evaluate(() => {
      const map = document.querySelector('[data-testid="map"]')!;
      (window as unknown as { animated: boolean }).animated = false;
      new MutationObserver(() => {
        if (map.getAttribute('data-camera-animating') === 'true') (window as unknown as { animated: boolean }).animated = true;
      }).observe(map, { attributes: true });
    });
    await page.locator('[data-wave="2023-winter"]').click();
    await waitForCamera(page);
    const after = await currentView(page);
    expect(after.zoom).not.toBe(before.zoom);
    expect(await page.evaluate(() => (window as unknown as { animated: boolean }).animated)).toBe(false);
  });

  it('shows typed dates in the date boxes and frames them', async () => {
    const { page } = await open();
    expect(await page.getByTestId('range-from').inputValue()).toBe('2021-06-27');
    expect(await page.getByTestId('range-to').inputValue()).toBe('2024-01-02');
    await page.getByTestId('range-from').fill('2023-12-20');
    await waitForCamera(page);
    const chosen = incidents.filter((i) => i.date >= '2023-12-20');
    await expect.poll(() => page.getByTestId('incident-count').innerText()).toBe(`${chosen.length} of ${incidents.length} incidents`);
    const view = await currentView(page);
    for (const incident of chosen) for (const p of incidentPoints(incident.id)) expect(inside(view, p), incident.id).toBe(true);
  });
});

describe('exports after choosing a wave', () => {
  it('frame that wave as the screen does, with every incident of it drawn', async () => {
    const { page } = await open();
    const wave = WAVES.find((w) => w.id === '2022-summer')!;
    await page.locator(`[data-wave="${wave.id}"]`).click();
    await waitForCamera(page);
    const view = await currentView(page);
    await page.getByTestId('export-open').click();
    await page.getByTestId('export-png-size').selectOption('1x');
    const [file] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByTestId('export-png').click()]);
    const image = decodePng(readFileSync(await file.path()));
    expect([image.width, image.height]).toEqual([view.width, view.height]);
    // Each incident of the wave is drawn where the screen draws it: fire colours at its target.
    for (const incident of incidents.filter((i) => i.date >= wave.from && i.date <= wave.to)) {
      const target = places.get(incident.targetId)!;
      const at = project(view, [target.lon, target.lat]);
      const box = { x: Math.round(at.x) - 9, y: Math.round(at.y) - 9, width: 19, height: 19 };
      const colour = KIND_COLORS[incident.kind];
      expect(countPixelsNear(image, colour, 50, box), incident.id).toBeGreaterThan(4);
    }
  });
});

describe('following the action', () => {
  it('brings the incidents of the moment into view during playback, until the user moves the map', async () => {
    // The link shows Deir ez-Zor; the first incident of this range happens near Damascus.
    const { page } = await open('?from=2023-12-20&to=2023-12-31#map=9/35.15/40.45');
    const follow = page.getByTestId('follow');
    expect(await follow.isChecked()).toBe(true);
    await page.getByTestId('play').click();
    const zaynab: [number, number] = [places.get('sayyida-zaynab')!.lon, places.get('sayyida-zaynab')!.lat];
    await expect.poll(async () => inside(await currentView(page), zaynab), { timeout: 30_000, interval: 500 }).toBe(true);
    // A drag of the user's own turns following off.
    const box = (await page.getByTestId('map').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + 80, box.y + box.height / 2 + 40, { steps: 5 });
    await page.mouse.up();
    await expect.poll(() => follow.isChecked()).toBe(false);
  });
});
