/**
 * The map tells the story: arcs that can be clicked for their sources, a legend, and
 * weaker reports drawn visibly weaker than confirmed ones.
 */
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { KIND_COLORS } from '../../src/lib/map/incident-style';
import { expectNothingAmiss, openBrowserSession, waitForMapIdle, type BrowserSession } from './browser-session';
import { arcMiddle, bundledArcs, bundledData, project, viewHash, type View } from './map-geometry';
import { countPixelsNear, countReddish, decodePng } from './pixels';

const RED = KIND_COLORS['attack-on-coalition'];
const arcs = bundledArcs();
const disputed = arcs.find((a) => a.incident.id === '2021-07-04-al-omar-rockets-disputed')!;
const confirmed = arcs.find((a) => a.incident.id === '2022-01-05-green-village-rockets')!;
/**
 * Where the disputed arc is looked at and clicked: a sixth of the way from its origin (the
 * al-Mayadin countryside), where no other arc passes within 40 px at zoom 10. Its middle
 * crosses the Green Village arcs.
 */
const disputedPoint = disputed.path[Math.round((disputed.path.length - 1) / 6)]!;

describe('arcs on the map', () => {
  let session: BrowserSession;
  let view: View;

  beforeAll(async () => {
    session = await openBrowserSession(inject('appUrl'));
    // Opened on the view at once: the map's size, read once it is drawn, is all the projection still needs.
    const centre = { lon: 40.45, lat: 35.07, zoom: 10 };
    await session.page.goto(`${session.appUrl}${viewHash({ ...centre, width: 0, height: 0 })}`);
    await waitForMapIdle(session.page);
    const box = (await session.page.getByTestId('map').boundingBox())!;
    view = { ...centre, width: Math.round(box.width), height: Math.round(box.height) };
  });
  afterAll(async () => session?.close());
  afterEach(() => expectNothingAmiss(session));

  it('draws a disputed report fainter and dashed, a confirmed one solid', async () => {
    expect(disputed.incident.status).toBe('disputed');
    expect(confirmed.incident.status).toBe('confirmed');
    const image = decodePng(await session.page.getByTestId('map').screenshot());
    const around = (p: { x: number; y: number }) => ({ x: Math.round(p.x) - 8, y: Math.round(p.y) - 8, width: 17, height: 17 });
    const disputedBox = around(project(view, disputedPoint));
    const confirmedBox = around(project(view, arcMiddle(confirmed)));
    // Both are drawn...
    expect(countReddish(image, disputedBox)).toBeGreaterThan(3);
    expect(countReddish(image, confirmedBox)).toBeGreaterThan(10);
    // ...but only the confirmed one in the full colour.
    expect(countPixelsNear(image, RED, 30, confirmedBox)).toBeGreaterThan(10);
    expect(countPixelsNear(image, RED, 30, disputedBox)).toBe(0);
  });

  it("opens the incident's details, with its Arabic quote and the whole article behind a source, when its arc is clicked", async () => {
    const at = project(view, disputedPoint);
    const box = (await session.page.getByTestId('map').boundingBox())!;
    await session.page.mouse.click(box.x + at.x, box.y + at.y);
    const panel = session.page.getByTestId('incident-panel');
    await panel.waitFor();
    expect(await panel.getAttribute('data-incident-id')).toBe(disputed.incident.id);
    const quote = disputed.incident.sources.find((s) => s.quoteAr.length)!.quoteAr[0]!;
    const shown = await panel.getByTestId('quote-ar').first().innerText();
    expect(shown.replace(/\s+/g, ' ')).toContain(quote.replace(/\s+/g, ' ').trim());
    expect(await panel.getByTestId('quote-ar').first().getAttribute('dir')).toBe('rtl');
    await panel.getByTestId('read-article').first().click();
    const article = session.page.getByTestId('article');
    await article.waitFor();
    expect((await article.innerText()).length).toBeGreaterThan(1000);
  });

  it('has a legend naming the directions of fire and the statuses, which folds to one line and stays as the reader left it', async () => {
    const { page } = session;
    const toggle = page.getByTestId('legend-toggle');
    // Folded at first on a laptop-sized screen: one line.
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    const folded = (await page.getByTestId('legend').boundingBox())!;
    expect(folded.height).toBeLessThan(40);
    await toggle.click();
    const legend = await page.getByTestId('legend').innerText();
    for (const text of ['Attack on a US or coalition base', 'US or coalition strike', 'Confirmed', 'Disputed', 'Denied']) expect(legend).toContain(text);
    // Opened, it is remembered across a reload; folded again, too.
    await page.reload();
    await waitForMapIdle(page);
    expect(await page.getByTestId('legend-toggle').getAttribute('aria-expanded')).toBe('true');
    await page.getByTestId('legend-toggle').click();
    await page.reload();
    await waitForMapIdle(page);
    expect(await page.getByTestId('legend-toggle').getAttribute('aria-expanded')).toBe('false');
  });

  it('opens a place with its incidents in date order from the keyboard-reachable list', async () => {
    const { incidents } = bundledData();
    const first = incidents.find((i) => i.targetId === 'conoco')!;
    const row = session.page.getByTestId('incident-list').locator(`[data-incident-id="${first.id}"]`);
    await row.focus();
    await session.page.keyboard.press('Enter');
    const panel = session.page.getByTestId('incident-panel');
    await expect.poll(() => panel.getAttribute('data-incident-id')).toBe(first.id);
    await panel.getByRole('button', { name: 'Conoco gas plant' }).click();
    const placePanel = session.page.getByTestId('place-panel');
    await placePanel.waitFor();
    const dates = await placePanel.locator('ol .date').allInnerTexts();
    const expected = incidents.filter((i) => i.targetId === 'conoco' || i.originId === 'conoco' || (i.relatedPlaceIds ?? []).includes('conoco')).length;
    expect(dates.length).toBe(expected);
  });
});
