/**
 * A fresh Chromium profile per test file, with what every test watches: console
 * errors, uncaught exceptions, and every request to an origin other than the app's.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { chromiumArgs, chromiumPath } from './chromium';

export interface BrowserSession {
  context: BrowserContext;
  page: Page;
  appUrl: string;
  consoleErrors: string[];
  foreignRequests: string[];
  close(): Promise<void>;
}

export async function openBrowserSession(
  appUrl: string,
  viewport = { width: 1280, height: 800 },
  options: { acceptDownloads?: boolean; serviceWorkers?: 'allow' | 'block' } = {},
): Promise<BrowserSession> {
  const profile = mkdtempSync(join(tmpdir(), 'strikes-map-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: true,
    args: chromiumArgs,
    viewport,
    deviceScaleFactor: 1,
    acceptDownloads: options.acceptDownloads ?? true,
    // The offline cache (a service worker) is tested on its own; elsewhere it would hide
    // requests from the tests that watch them.
    serviceWorkers: options.serviceWorkers ?? 'block',
  });
  const appOrigin = new URL(appUrl).origin;
  const consoleErrors: string[] = [];
  const foreignRequests: string[] = [];
  context.on('request', (request) => {
    const url = request.url();
    if (url.startsWith('data:') || url.startsWith('blob:')) return;
    if (new URL(url).origin !== appOrigin) foreignRequests.push(url);
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(`uncaught: ${error.message}`));
  return {
    context,
    page,
    appUrl,
    consoleErrors,
    foreignRequests,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Waits until the map says it is idle with deck.gl's layers drawn. */
export async function waitForMapIdle(page: Page, timeout = 60_000): Promise<void> {
  await page.locator('[data-testid="map"][data-map-idle="true"]').waitFor({ state: 'attached', timeout });
}
