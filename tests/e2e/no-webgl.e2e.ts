/**
 * A browser without WebGL2 (Chromium with --disable-3d-apis, as Tor Browser at its safer
 * levels): the map cannot start, and the page says why, in both languages, without an
 * uncaught error; the list, an incident's sources and the timeline still work.
 */
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { chromiumArgs, chromiumPath } from './chromium';

describe('without WebGL', () => {
  let browser: Browser;
  beforeAll(async () => {
    // No GPU, no software WebGL: the 3D APIs are off, as in Tor Browser at its Safer level.
    const args = chromiumArgs.filter((a) => !/gl|angle|swiftshader|gpu/i.test(a));
    browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: [...args, '--disable-3d-apis'] });
  });
  afterAll(async () => browser?.close());

  it('explains why the map is missing, in English and in Arabic, and the rest works', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await page.goto(inject('appUrl'));
    expect(await page.evaluate(() => document.createElement('canvas').getContext('webgl2'))).toBeNull();
    const notice = page.getByTestId('map-unavailable');
    await notice.waitFor();
    expect(await notice.getAttribute('data-reason')).toBe('no-webgl2');
    const english = await notice.innerText();
    expect(english).toContain('The map cannot be drawn in this browser');
    expect(english).toContain('WebGL2');
    expect(english).toContain('Tor Browser');
    // The list and an incident's sources work without the map.
    const first = page.getByTestId('incident-list').getByRole('button').first();
    await first.click();
    await page.getByTestId('incident-panel').waitFor();
    expect(await page.getByTestId('incident-panel').innerText()).toMatch(/[\u0600-\u06ff]/);
    await page.getByTestId('lang-toggle').click();
    await expect.poll(() => notice.innerText()).toContain('تعذّر رسم الخريطة في هذا المتصفح');
    expect(await notice.innerText()).toContain('WebGL2');
    expect(errors).toEqual([]);
    await page.close();
  });
});
