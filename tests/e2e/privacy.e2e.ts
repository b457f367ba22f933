/**
 * Safe to hand to a journalist: a link cannot make the reader's browser call a stranger's
 * server without asking, a foreign style cannot take over the app's places or insert HTML,
 * and a whole working session breaks no rule of the page's Content-Security-Policy.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { BASEMAP_COLORS } from '../../src/lib/map/basemap-data';
import { openBrowserSession, waitForMapIdle, type BrowserSession } from './browser-session';
import { bundledData, project } from './map-geometry';
import { countPixelsNear, decodePng, hexToRgb } from './pixels';

const STYLE_URL = 'https://tiles.example.org/style.json';
const { places } = bundledData();

let session: BrowserSession | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

/** A foreign style: a magenta background, a source and a layer named like the app's, and attribution HTML that would fetch an image. */
function foreignStyle(extra: Record<string, unknown> = {}) {
  return {
    version: 8,
    sources: {
      'incident-places': {
        type: 'geojson',
        data: { type: 'FeatureCollection', features: [] },
        attribution: '<img src="https://tracker.example/pixel.png" data-testid="injected"><b>Evil tiles</b> &copy; them',
      },
      ...extra,
    },
    layers: [
      { id: 'bg', type: 'background', paint: { 'background-color': '#ff00ff' } },
      { id: 'incident-places-dot', type: 'circle', source: 'incident-places', paint: { 'circle-radius': 0 } },
    ],
  };
}

async function openWithStyle(style: object, hash = '#map=9/35.15/40.45'): Promise<{ page: Page; session: BrowserSession }> {
  session = await openBrowserSession(inject('appUrl'));
  await session.page.route(STYLE_URL, (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(style) }));
  await session.page.goto(`${session.appUrl}?style=${encodeURIComponent(STYLE_URL)}${hash}`);
  await waitForMapIdle(session.page);
  return { page: session.page, session };
}

describe('a map style named by a link', () => {
  it('is asked about, naming its server, before anything is requested; refusing keeps the offline basemap', async () => {
    const { page, session } = await openWithStyle(foreignStyle());
    const dialog = page.getByTestId('style-consent');
    await dialog.waitFor();
    expect(await page.getByTestId('style-consent-host').innerText()).toBe('tiles.example.org');
    expect(session.foreignRequests).toEqual([]);
    // The address no longer carries the style nobody chose: passed on, it asks no one.
    await expect.poll(() => new URL(page.url()).searchParams.get('style')).toBeNull();
    await page.getByTestId('style-refuse').click();
    await dialog.waitFor({ state: 'hidden' });
    await waitForMapIdle(page);
    const image = decodePng(await page.getByTestId('map').screenshot());
    expect(countPixelsNear(image, hexToRgb(BASEMAP_COLORS.focusLand), 4)).toBeGreaterThan(image.width * image.height * 0.3);
    expect(session.foreignRequests).toEqual([]);
    expect(session.consoleErrors).toEqual([]);
  });

  it('once agreed to, is drawn, cannot hide the app\'s places, and shows its attribution as text only', async () => {
    const { page, session } = await openWithStyle(foreignStyle());
    await page.getByTestId('style-allow').click();
    await page.getByTestId('style-consent').waitFor({ state: 'hidden' });
    await waitForMapIdle(page);
    const image = decodePng(await page.getByTestId('map').screenshot());
    expect(countPixelsNear(image, [255, 0, 255], 4)).toBeGreaterThan(image.width * image.height * 0.5);
    // The app's own place dots (Deir ez-Zor city here, away from any incident) are still drawn over it (the style's "incident-places" was renamed away).
    const box = (await page.getByTestId('map').boundingBox())!;
    const city = project({ lon: 40.45, lat: 35.15, zoom: 9, width: Math.round(box.width), height: Math.round(box.height) }, [places.get('deir-ez-zor')!.lon, places.get('deir-ez-zor')!.lat]);
    expect(countPixelsNear(image, [28, 28, 28], 30, { x: Math.round(city.x) - 6, y: Math.round(city.y) - 6, width: 13, height: 13 })).toBeGreaterThan(4);
    const attribution = page.getByTestId('attribution');
    expect(await attribution.innerText()).toContain('Evil tiles © them');
    expect(await attribution.locator('img, b').count()).toBe(0);
    expect(await page.getByTestId('injected').count()).toBe(0);
    // Only the style itself was fetched: the image in its attribution never was.
    expect(session.foreignRequests).toEqual([STYLE_URL]);
    // Chosen now, the style is kept in the address.
    await expect.poll(() => new URL(page.url()).searchParams.get('style')).toBe(STYLE_URL);
  });

  it('asks again, naming them, when the style would load from other servers too', async () => {
    const style = foreignStyle({ tiles: { type: 'raster', tiles: ['https://cdn.tiles-elsewhere.example/{z}/{x}/{y}.png'], tileSize: 256 } });
    const { page, session } = await openWithStyle(style);
    await page.getByTestId('style-allow').click();
    const others = page.getByTestId('style-consent-others');
    await others.waitFor();
    expect(await others.innerText()).toBe('cdn.tiles-elsewhere.example');
    await page.getByTestId('style-refuse').click();
    await page.getByTestId('style-consent').waitFor({ state: 'hidden' });
    await waitForMapIdle(page);
    expect(session.foreignRequests).toEqual([STYLE_URL]);
    const image = decodePng(await page.getByTestId('map').screenshot());
    expect(countPixelsNear(image, hexToRgb(BASEMAP_COLORS.focusLand), 4)).toBeGreaterThan(image.width * image.height * 0.3);
  });

  it('is ignored with a notice when it is not an https address, and the offline basemap drawn', async () => {
    session = await openBrowserSession(inject('appUrl'));
    for (const value of ['http://tiles.example.org/style.json', 'nonsense']) {
      await session.page.goto(`${session.appUrl}?style=${encodeURIComponent(value)}`);
      await waitForMapIdle(session.page);
      expect(await session.page.getByTestId('style-notice').innerText()).toContain('not an https URL');
      expect(await session.page.getByTestId('style-consent').isVisible()).toBe(false);
      const image = decodePng(await session.page.getByTestId('map').screenshot());
      expect(countPixelsNear(image, hexToRgb(BASEMAP_COLORS.focusLand), 4)).toBeGreaterThan(image.width * image.height * 0.3);
    }
    expect(session.foreignRequests).toEqual([]);
  });
});

describe('the Content-Security-Policy', () => {
  it('is sent with the page, and a whole session (filter, play, import, every export) breaks none of its rules', async () => {
    session = await openBrowserSession(inject('appUrl'));
    const { page } = session;
    await session.context.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { violations: string[] }).violations = seen;
      document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
    });
    const response = await page.goto(`${session.appUrl}?from=2022-08-01&to=2022-09-30`);
    expect(response!.headers()['content-security-policy']).toContain("script-src 'self'");
    expect(response!.headers()['content-security-policy']).not.toContain('unsafe-eval');
    expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')).not.toContain("'unsafe-inline'");
    expect(await page.locator('meta[name="referrer"]').getAttribute('content')).toBe('no-referrer');
    await waitForMapIdle(page);
    // Filter and search.
    await page.getByTestId('search').fill('Green Village');
    await page.getByTestId('search').fill('');
    // Play until the date moves on, then pause.
    const date = page.getByTestId('playhead-date');
    const start = await date.innerText();
    await page.getByTestId('play').click();
    await expect.poll(() => date.innerText(), { timeout: 15_000 }).not.toBe(start);
    await page.getByTestId('play').click();
    // Import a file through the dialog (parsed in a worker).
    await page.getByTestId('import-file-input').setInputFiles(join('tests/fixtures/import', 'acled-valid.csv'));
    await page.getByTestId('import-report').waitFor();
    await page.getByTestId('import-confirm').click();
    await page.getByTestId('import-done').waitFor();
    await page.getByTestId('import-dismiss').click();
    // Every export.
    await page.getByTestId('export-open').click();
    for (const id of ['export-png', 'export-csv', 'export-geojson', 'export-json']) {
      await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByTestId(id).click()]);
    }
    await page.getByTestId('export-video-size').selectOption('640x360');
    await page.getByTestId('export-video-fps').selectOption('10');
    await page.getByTestId('range-from').fill('2022-08-20');
    await page.getByTestId('range-to').fill('2022-08-25');
    await Promise.all([page.waitForEvent('download', { timeout: 110_000 }), page.getByTestId('export-video').click()]);
    expect(await page.evaluate(() => (window as unknown as { violations: string[] }).violations)).toEqual([]);
    expect(session.consoleErrors).toEqual([]);
    expect(session.foreignRequests).toEqual([]);
  });
});
