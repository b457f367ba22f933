/**
 * A browser without WebGL2 (Chromium with --disable-3d-apis, as Tor Browser at its safer
 * levels): no uncaught error; a notice says why the map is simpler, in both languages; the
 * map is drawn on a 2D canvas with its arcs; a click on an arc opens its incident; playback
 * moves the date and the drawing; a PNG export decodes with arcs and a legend.
 */
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { chromiumArgs, chromiumPath } from './chromium';
import { download } from './downloads';
import { arcMiddle, bundledArcs, project, viewHash, type View } from './map-geometry';
import { countReddish, decodePng } from './pixels';

describe('without WebGL', () => {
  let browser: Browser;
  let page: Page | null = null;
  let errors: string[] = [];
  beforeAll(async () => {
    // No software WebGL either: the 3D APIs are off, as in Tor Browser at its Safer level.
    const args = chromiumArgs.filter((a) => !/gl|angle|swiftshader|gpu/i.test(a));
    browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: [...args, '--disable-3d-apis'] });
  });
  afterAll(async () => browser?.close());
  afterEach(async () => {
    await page?.close();
    page = null;
  });

  async function open(path: string): Promise<Page> {
    page = await browser.newPage({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
    errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await page.goto(`${inject('appUrl')}${path}`);
    await page.locator('[data-testid="map"][data-renderer="canvas"][data-map-idle="true"]').waitFor({ timeout: 60_000 });
    return page;
  }

  it('says why the map is simpler, in English and in Arabic, and draws its arcs', async () => {
    const p = await open('');
    expect(await p.evaluate(() => document.createElement('canvas').getContext('webgl2'))).toBeNull();
    const notice = p.getByTestId('map-unavailable');
    expect(await notice.getAttribute('data-reason')).toBe('no-webgl2');
    expect(await notice.innerText()).toContain('A simpler map: this browser has no WebGL2');
    expect(await notice.textContent()).toContain('Tor Browser');
    const map = p.getByTestId('map');
    const box = (await map.boundingBox())!;
    const image = decodePng(await map.screenshot());
    expect(countReddish(image, { x: 0, y: 0, width: Math.round(box.width), height: Math.round(box.height) })).toBeGreaterThan(300);
    // Keyboard: + zooms in, an arrow pans (and is not taken as a playback key).
    const viewOf = async () => (await map.getAttribute('data-view'))!.split('/').map(Number) as [number, number, number];
    const [zoom, , lon] = await viewOf();
    await p.locator('[data-testid="map"] canvas').focus();
    await p.keyboard.press('+');
    await p.keyboard.press('ArrowRight');
    await expect.poll(async () => (await viewOf())[0]).toBeCloseTo(zoom + 0.5, 5);
    expect((await viewOf())[2]).toBeGreaterThan(lon);
    expect(await p.getByTestId('playhead-date').innerText()).not.toBe('');
    await p.getByTestId('lang-toggle').click();
    await expect.poll(() => notice.innerText()).toContain('خريطة مبسّطة: لا يتيح هذا المتصفح WebGL2');
    expect(errors).toEqual([]);
  });

  it('opens the incident under a click on its arc', async () => {
    // The longest arc, in a view centred on its middle.
    const arc = [...bundledArcs()].sort((a, b) => Math.abs(b.path[0]![0] - b.to[0]) - Math.abs(a.path[0]![0] - a.to[0]))[0]!;
    const [lon, lat] = arcMiddle(arc);
    const p = await open(viewHash({ lon: Number(lon.toFixed(4)), lat: Number(lat.toFixed(4)), zoom: 9, width: 0, height: 0 }));
    const box = (await p.getByTestId('map').boundingBox())!;
    const view: View = { lon: Number(lon.toFixed(4)), lat: Number(lat.toFixed(4)), zoom: 9, width: Math.round(box.width), height: Math.round(box.height) };
    await p.getByTestId('map').click({ position: project(view, arcMiddle(arc)) });
    await expect.poll(() => p.getByTestId('incident-panel').getAttribute('data-incident-id')).toBe(arc.incident.id);
    expect(errors).toEqual([]);
  });

  it('plays back: the date moves and the drawing changes', async () => {
    const p = await open('?from=2023-10-17&to=2023-11-30&speed=4');
    const map = p.getByTestId('map');
    const before = await map.screenshot();
    const date = await p.getByTestId('playhead-date').innerText();
    await p.getByTestId('play').click();
    await expect.poll(() => p.getByTestId('playhead-date').innerText(), { timeout: 20_000 }).not.toBe(date);
    await p.waitForTimeout(500);
    expect((await map.screenshot()).equals(before)).toBe(false);
    await p.getByTestId('play').click();
    expect(errors).toEqual([]);
  });

  it('exports a PNG with the arcs and the legend; a video says it needs WebGL', async () => {
    const p = await open('?from=2023-10-17&to=2024-01-31');
    await p.getByTestId('export-open').click();
    expect(await p.getByTestId('export-video').isDisabled()).toBe(true);
    expect(await p.getByTestId('export-video-needs-webgl').innerText()).toContain('WebGL');
    const file = await download(p, () => p.getByTestId('export-png').click());
    expect(file.name).toMatch(/\.png$/);
    const image = decodePng(file.bytes);
    expect(image.width).toBeGreaterThan(500);
    expect(countReddish(image, { x: 0, y: 0, width: image.width, height: image.height })).toBeGreaterThan(300);
    // The legend: a white box in the lower inline-end part, with the attacks' red in it.
    const corner = { x: Math.round(image.width * 0.55), y: Math.round(image.height * 0.35), width: Math.round(image.width * 0.45), height: Math.round(image.height * 0.65) };
    let white = 0;
    for (let y = corner.y; y < corner.y + corner.height; y++)
      for (let x = corner.x; x < corner.x + corner.width; x++) {
        const i = 4 * (y * image.width + x);
        if (image.data[i]! > 252 && image.data[i + 1]! > 252 && image.data[i + 2]! > 252) white++;
      }
    expect(white).toBeGreaterThan(15_000);
    expect(errors).toEqual([]);
  });
});
