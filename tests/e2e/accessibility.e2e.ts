/**
 * No serious or critical WCAG problem (axe-core) where readers look first, in English and in
 * Arabic: the opening view, an open incident with its sources, the import dialog's report,
 * and the about panel.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterEach, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openBrowserSession, waitForMapIdle, type BrowserSession } from './browser-session';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let session: BrowserSession | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** The serious and critical violations on the page as it is, each with where it is. */
async function seriousViolations(page: Page): Promise<string[]> {
  // Evaluated through the browser's debugging protocol, which the page's Content-Security-Policy does not govern.
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: Violation[] }> } }).axe;
    return (await axe.run(document, { resultTypes: ['violations'], runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } })).violations;
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.help}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
}

describe.each(['en', 'ar'] as const)('accessibility in %s', (lang) => {
  it('has no serious violation at the opening view, with an incident open, in the import report and the about panel', async () => {
    session = await openBrowserSession(inject('appUrl'));
    const { page } = session;
    await page.goto(`${session.appUrl}?lang=${lang}`);
    await waitForMapIdle(page);
    expect(await seriousViolations(page), 'opening view').toEqual([]);

    await page.getByTestId('incident-list').locator('[data-incident-id]').first().click();
    await page.getByTestId('incident-panel').waitFor();
    expect(await seriousViolations(page), 'incident panel').toEqual([]);

    await page.getByTestId('import-file-input').setInputFiles(join('tests/fixtures/import', 'acled-bad-rows.csv'));
    await page.getByTestId('import-report').waitFor();
    expect(await seriousViolations(page), 'import report').toEqual([]);
    await page.getByRole('button', { name: lang === 'ar' ? 'إلغاء' : 'Cancel' }).first().click();

    await page.getByTestId('about-open').click();
    await page.getByTestId('about-articles').locator('li').first().waitFor();
    expect(await seriousViolations(page), 'about panel').toEqual([]);
  });
});
