#!/usr/bin/env node
// `npm run screenshots`: the README's pictures, and a set to look at before a change lands.
// Serves the production build (dist/, built by the npm script) on 127.0.0.1 and takes each
// view in headless Chromium: the opening view and a wave, at 1280×800 and 1920×1080, on a
// phone (390×844) and a tablet (820×1180), in English and Arabic. The README's go to docs/; every one goes to test-results/screenshots/.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { preview } from 'vite';
import { chromiumArgs, chromiumPath } from './chromium.mjs';

const SIZES = [
  { name: '1280x800', width: 1280, height: 800 },
  { name: '1920x1080', width: 1920, height: 1080 },
  { name: '390x844', width: 390, height: 844, touch: true },
  { name: '820x1180', width: 820, height: 1180, touch: true },
];
const VIEWS = [
  { name: 'opening', query: '' },
  { name: 'wave-2022-summer', query: '?from=2022-08-01&to=2022-09-30' },
];
/** The pictures the README shows. */
const README = new Map([
  ['opening-en-1280x800', 'docs/screenshot.png'],
  ['opening-ar-1280x800', 'docs/screenshot-ar.png'],
  ['opening-en-390x844', 'docs/screenshot-phone.png'],
  ['opening-ar-390x844', 'docs/screenshot-phone-ar.png'],
]);

const out = 'test-results/screenshots';
mkdirSync(out, { recursive: true });
const server = await preview({ preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false }, logLevel: 'warn' });
const address = server.httpServer.address();
const base = `http://127.0.0.1:${address.port}/`;
try {
  for (const size of SIZES)
    for (const lang of ['en', 'ar'])
      for (const view of VIEWS) {
        const profile = mkdtempSync(join(tmpdir(), 'strikes-map-shot-'));
        const context = await chromium.launchPersistentContext(profile, {
          executablePath: chromiumPath(),
          headless: true,
          args: chromiumArgs,
          viewport: { width: size.width, height: size.height },
          deviceScaleFactor: 1,
          serviceWorkers: 'block',
          // Phones and tablets: a touch screen, laid out to the device's width.
          hasTouch: size.touch ?? false,
          isMobile: size.touch ?? false,
        });
        const page = context.pages()[0] ?? (await context.newPage());
        const query = view.query ? `${view.query}&lang=${lang}` : `?lang=${lang}`;
        await page.goto(`${base}${query}`);
        await page.locator('[data-testid="map"][data-map-idle="true"][data-camera-animating="false"]').waitFor({ state: 'attached', timeout: 60_000 });
        const name = `${view.name}-${lang}-${size.name}`;
        const file = join(out, `${name}.png`);
        await page.screenshot({ path: file });
        if (README.has(name)) await page.screenshot({ path: README.get(name) });
        console.log(`${file}${README.has(name) ? ` and ${README.get(name)}` : ''}`);
        await context.close();
        rmSync(profile, { recursive: true, force: true });
      }
} finally {
  await server.close();
}
