/**
 * A fresh browser profile (a new context: its own storage, cache, service workers and
 * permissions) per session, with what every test watches: console errors, uncaught
 * exceptions, and every request to an origin other than the app's. The Chromium process
 * behind the contexts is shared by the tests of a file and closed after them
 * (setup-browser.ts): starting one costs seconds in itself, and its GPU process keeps the
 * compiled shaders, which software WebGL takes seconds to build.
 */
import { chromium, type Browser, type BrowserContext, type Frame, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { chromiumArgs, chromiumPath } from './chromium';

export interface BrowserSession {
  context: BrowserContext;
  page: Page;
  appUrl: string;
  consoleErrors: string[];
  foreignRequests: string[];
  close(): Promise<void>;
}

let browser: Promise<Browser> | null = null;

function sharedBrowser(): Promise<Browser> {
  browser ??= chromium.launch({ executablePath: chromiumPath(), headless: true, args: chromiumArgs });
  return browser;
}

/** Closes the shared Chromium (after a file's tests). */
export async function closeSharedBrowser(): Promise<void> {
  const open = browser;
  browser = null;
  if (open) await (await open).close();
}

export async function openBrowserSession(
  appUrl: string,
  viewport = { width: 1280, height: 800 },
  options: { acceptDownloads?: boolean; serviceWorkers?: 'allow' | 'block'; touch?: boolean } = {},
): Promise<BrowserSession> {
  const context = await (await sharedBrowser()).newContext({
    viewport,
    deviceScaleFactor: 1,
    acceptDownloads: options.acceptDownloads ?? true,
    // The offline cache (a service worker) is tested on its own; elsewhere it would hide
    // requests from the tests that watch them.
    serviceWorkers: options.serviceWorkers ?? 'block',
    // A phone or a tablet: a touch screen, and the page laid out to the device's width.
    hasTouch: options.touch ?? false,
    isMobile: options.touch ?? false,
  });
  const appOrigin = new URL(appUrl).origin;
  const consoleErrors: string[] = [];
  const foreignRequests: string[] = [];
  context.on('request', (request) => {
    const url = request.url();
    if (url.startsWith('data:') || url.startsWith('blob:')) return;
    if (new URL(url).origin !== appOrigin) foreignRequests.push(url);
  });
  const page = await context.newPage();
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
    },
  };
}

/** Waits until the map says it is idle with deck.gl's layers drawn. */
export async function waitForMapIdle(page: Page | Frame, timeout = 60_000): Promise<void> {
  await page.locator('[data-testid="map"][data-map-idle="true"]').waitFor({ state: 'attached', timeout });
}

/**
 * After each test on a shared page: no console error and no request to another origin
 * came of what that test did. Emptied for the next test, so each one answers for itself.
 */
export function expectNothingAmiss(session: BrowserSession | undefined, options: { foreignRequests?: boolean } = {}): void {
  if (!session) return;
  const errors = session.consoleErrors.splice(0);
  const foreign = session.foreignRequests.splice(0);
  expect(errors, 'console errors').toEqual([]);
  if (options.foreignRequests ?? true) expect(foreign, 'requests to other origins').toEqual([]);
}
