/**
 * Citing an incident as a reader would: copy its citation and its link, each confirmed on
 * screen, the clipboard holding outlet, date, title and a link that opens the incident; and
 * the same in Arabic.
 */
import { afterEach, describe, expect, inject, it } from 'vitest';
import { openBrowserSession, waitForMapIdle, type BrowserSession } from './browser-session';
import { bundledData } from './map-geometry';

const { incidents } = bundledData();
const incident = incidents.find((i) => i.id === '2022-09-18-green-village-107mm-rockets') ?? incidents[0]!;

let session: BrowserSession | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

async function openIncident(lang: 'en' | 'ar'): Promise<BrowserSession> {
  session = await openBrowserSession(inject('appUrl'));
  await session.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(session.appUrl).origin });
  await session.page.goto(`${session.appUrl}?incident=${incident.id}${lang === 'ar' ? '&lang=ar' : ''}`);
  await waitForMapIdle(session.page);
  await session.page.getByTestId('incident-panel').waitFor();
  return session;
}

describe('citing an incident', () => {
  it('copies a citation naming outlet, date, title and a link that opens the incident, and says so', async () => {
    const { page, context } = await openIncident('en');
    await page.getByTestId('copy-citation').click();
    await expect.poll(() => page.getByTestId('copy-status').innerText()).toBe('Citation copied');
    const citation = await page.evaluate(() => navigator.clipboard.readText());
    expect(citation).toContain(incident.title.en);
    expect(citation).toMatch(/Enab Baladi, 18 Sept? 2022/);
    expect(citation).toMatch(/accessed \d{1,2} \w{3,4} \d{4}/);
    expect(citation).not.toMatch(/\b00[0-4]\b/);
    const link = /(http\S+\?incident=[\w-]+)/.exec(citation)![1]!;

    await page.getByTestId('copy-link').click();
    await expect.poll(() => page.getByTestId('copy-status').innerText()).toBe('Link copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);

    const other = await context.newPage();
    await other.goto(link);
    await waitForMapIdle(other);
    expect(await other.getByTestId('incident-panel').getAttribute('data-incident-id')).toBe(incident.id);
  });

  it('cites in Arabic when the interface is Arabic, with a link that opens it in Arabic', async () => {
    const { page } = await openIncident('ar');
    await page.getByTestId('copy-citation').click();
    await expect.poll(() => page.getByTestId('copy-status').innerText()).toBe('نُسخ الاقتباس المرجعي');
    const citation = await page.evaluate(() => navigator.clipboard.readText());
    expect(citation).toContain(incident.title.ar);
    expect(citation).toContain('تاريخ الاطلاع');
    expect(citation).toContain(`?incident=${incident.id}&lang=ar`);
  });
});
