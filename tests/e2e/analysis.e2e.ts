/**
 * Arabic and English throughout, and the analyst's tools: filters, search, weapon ranges.
 */
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { templatesOf } from '../../src/lib/i18n/plural';
import { en } from '../../src/lib/i18n/messages-en';
import { ar } from '../../src/lib/i18n/messages-ar';
import { KIND_COLORS } from '../../src/lib/map/incident-style';
import { RANGE_COLOR } from '../../src/lib/map/place-layers';
import { expectNothingAmiss, openBrowserSession, waitForMapIdle, type BrowserSession } from './browser-session';
import { bundledData } from './map-geometry';
import { countPixelsNear, decodePng, hexToRgb } from './pixels';

const { incidents } = bundledData();

async function redPixels(session: BrowserSession): Promise<number> {
  return countPixelsNear(decodePng(await session.page.getByTestId('map').screenshot()), KIND_COLORS['attack-on-coalition'], 40);
}

describe('languages', () => {
  let session: BrowserSession;
  beforeAll(async () => {
    session = await openBrowserSession(inject('appUrl'));
  });
  afterAll(async () => session?.close());
  afterEach(() => expectNothingAmiss(session));

  it('renders ?lang=ar right to left, with Arabic labels and no English interface string, and switches back to English at run time', async () => {
    await session.page.goto(`${session.appUrl}?lang=ar`);
    await waitForMapIdle(session.page);
    expect(await session.page.evaluate(() => [document.documentElement.dir, document.documentElement.lang])).toEqual(['rtl', 'ar']);
    const text = await session.page.locator('body').innerText();
    expect(text).toContain(ar['app.title']);
    expect(text).toContain(ar['legend.title']);
    // Incident titles and places in Arabic in the list.
    const first = incidents.slice().sort((a, b) => a.date.localeCompare(b.date))[0]!;
    expect(text).toContain(first.title.ar);
    // No English string of the interface anywhere on the page (placeholders stripped to their fixed text).
    // Strings written the same in both languages (format names such as GeoJSON) are not English UI text;
    // the unit test messages.test.ts holds every other Arabic string to Arabic script.
    const leaks = Object.entries(en)
      .flatMap(([key, message]) => templatesOf(message).map((value) => [key, value.replace(/\{\w+\}/g, '').trim()] as const))
      .filter(([key, value]) => value.length >= 4 && /[A-Za-z]{3}/.test(value) && key !== 'app.language' && en[key as keyof typeof en] !== ar[key as keyof typeof ar])
      .filter(([, value]) => value.split(/\s{2,}/).some((part) => part.length >= 4 && text.includes(part)));
    expect(leaks).toEqual([]);

    // Back to English at run time, kept in the URL.
    await session.page.getByTestId('lang-toggle').click();
    await expect.poll(() => session.page.evaluate(() => document.documentElement.dir)).toBe('ltr');
    await expect.poll(() => new URL(session.page.url()).searchParams.get('lang')).toBeNull();
    expect(await session.page.locator('h1').innerText()).toBe(en['app.title']);
  });
});

describe('filters and weapon ranges', () => {
  let session: BrowserSession;
  beforeAll(async () => {
    session = await openBrowserSession(inject('appUrl'));
    await session.page.goto(`${session.appUrl}#map=8.6/35.15/40.4`);
    await waitForMapIdle(session.page);
  });
  afterAll(async () => session?.close());
  afterEach(() => expectNothingAmiss(session));

  it('narrows the counts and the canvas to one weapon', async () => {
    const before = await redPixels(session);
    await session.page.getByTestId('tab-filters').click();
    const drone = session.page.locator('fieldset[data-filter="weapon"] input[data-value="drone"]');
    const droneCount = incidents.filter((i) => i.weapon === 'drone').length;
    expect(await drone.locator('xpath=..').innerText()).toContain(String(droneCount));
    await drone.check();
    await expect.poll(() => session.page.getByTestId('incident-count').innerText()).toBe(`${droneCount} of ${incidents.length} incidents`);
    await expect.poll(() => new URL(session.page.url()).searchParams.getAll('weapon')).toEqual(['drone']);
    await waitForMapIdle(session.page);
    const after = await redPixels(session);
    expect(after).toBeLessThan(before * 0.7);
    // Other facets now count within the drones only.
    const statusCounts = await session.page.locator('fieldset[data-filter="status"] .count').allInnerTexts();
    expect(statusCounts.map(Number).reduce((a, b) => a + b, 0)).toBe(droneCount);
  });

  it('finds incidents by an Arabic place name typed without its letter forms', async () => {
    await session.page.goto(`${session.appUrl}`);
    await waitForMapIdle(session.page);
    await session.page.getByTestId('search').fill('الشدادى'); // alef maqsura for ya
    const list = session.page.getByTestId('incident-list');
    await expect.poll(() => list.locator('[data-incident-id]').count()).toBeLessThan(incidents.length);
    const shown = await list.locator('[data-incident-id]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-incident-id')));
    const atShaddadi = incidents.filter((i) => i.targetId === 'al-shaddadi').map((i) => i.id);
    expect(atShaddadi.length).toBeGreaterThan(0);
    for (const id of atShaddadi) expect(shown).toContain(id);
    // Every incident found mentions the place somewhere: in its places, quotes or text.
    for (const id of shown) {
      const i = incidents.find((x) => x.id === id);
      expect(i, String(id)).toBeDefined();
      const text = JSON.stringify(i);
      expect(text.includes('shaddadi') || text.includes('الشدادي') || text.includes('Shaddadi'), String(id)).toBe(true);
    }
  });

  it("shows the 107 mm ring around al-Omar when its details are opened", async () => {
    await session.page.goto(`${session.appUrl}?place=al-omar#map=9.4/35.1/40.5`);
    await waitForMapIdle(session.page);
    const rings = session.page.getByTestId('place-panel').getByTestId('range-rings');
    expect(await rings.innerText()).toContain('107 mm rocket');
    const image = decodePng(await session.page.getByTestId('map').screenshot());
    expect(countPixelsNear(image, hexToRgb(RANGE_COLOR), 30)).toBeGreaterThan(200);
    // Closing the panel removes the rings.
    await session.page.getByTestId('place-panel').getByRole('button', { name: 'Close' }).click();
    await waitForMapIdle(session.page);
    const without = decodePng(await session.page.getByTestId('map').screenshot());
    expect(countPixelsNear(without, hexToRgb(RANGE_COLOR), 30)).toBeLessThan(50);
  });
});
