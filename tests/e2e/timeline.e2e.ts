/**
 * Filtering by date and playing the escalation back, as a user does it: through the URL,
 * the play button, the keyboard and the browser's back button.
 */
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { KIND_COLORS } from '../../src/lib/map/incident-style';
import { expectNothingAmiss, openBrowserSession, waitForMapIdle, type BrowserSession } from './browser-session';
import { bundledData } from './map-geometry';
import { incidentMoment } from '../../src/lib/timeline/incident-time';
import { countPixelsNear, decodePng } from './pixels';

const { incidents } = bundledData();
const inRange = (from: string, to: string) => incidents.filter((i) => i.date >= from && i.date <= to);
const longDate = (iso: string) => new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));

async function incidentPixels(session: BrowserSession): Promise<number> {
  const image = decodePng(await session.page.getByTestId('map').screenshot());
  return countPixelsNear(image, KIND_COLORS['attack-on-coalition'], 40) + countPixelsNear(image, KIND_COLORS['coalition-strike'], 40);
}

describe('date range and playback', () => {
  let session: BrowserSession;
  beforeAll(async () => {
    session = await openBrowserSession(inject('appUrl'));
  });
  afterAll(async () => session?.close());
  afterEach(() => expectNothingAmiss(session));

  it('shows only the incidents of the range given in the URL, in the count, the list and the canvas', async () => {
    const view = '#map=8.5/35.1/40.4';
    await session.page.goto(`${session.appUrl}${view}`);
    await waitForMapIdle(session.page);
    const allPixels = await incidentPixels(session);
    await session.page.goto(`${session.appUrl}?from=2022-08-01&to=2022-09-30${view}`);
    await waitForMapIdle(session.page);
    const expected = inRange('2022-08-01', '2022-09-30').length;
    expect(expected).toBeGreaterThan(0);
    expect(expected).toBeLessThan(incidents.length);
    await expect.poll(() => session.page.getByTestId('incident-count').innerText()).toBe(`${expected} of ${incidents.length} incidents`);
    expect(await session.page.getByTestId('incident-list').locator('[data-incident-id]').count()).toBe(expected);
    const rangePixels = await incidentPixels(session);
    expect(rangePixels).toBeGreaterThan(0);
    expect(rangePixels).toBeLessThan(allPixels * 0.8);
  });

  it('advances the shown date and redraws the map when play is pressed', async () => {
    await session.page.goto(`${session.appUrl}?from=2021-06-20&to=2021-07-20#map=9/35.15/40.45`);
    await waitForMapIdle(session.page);
    const before = await session.page.getByTestId('map').screenshot();
    await session.page.getByTestId('play').click();
    const date = session.page.getByTestId('playhead-date');
    await expect.poll(() => date.innerText()).toMatch(/June 2021|July 2021/);
    const first = await date.innerText();
    await expect.poll(() => date.innerText(), { timeout: 15_000 }).not.toBe(first);
    await session.page.getByTestId('play').click(); // pause
    const after = await session.page.getByTestId('map').screenshot();
    expect(Buffer.compare(before, after)).not.toBe(0);
    // Paused, the URL holds the playhead so the view can be shared.
    await expect.poll(() => new URL(session.page.url()).searchParams.get('t')).toMatch(/^2021-0[67]-\d\d$/);
  });

  it('steps to the next incident with the right arrow key', async () => {
    await session.page.goto(`${session.appUrl}?from=2021-06-01&to=2021-07-31&t=2021-06-30`);
    await waitForMapIdle(session.page);
    const next = inRange('2021-07-01', '2021-07-31').map((i) => i.date).sort()[0]!;
    await session.page.locator('body').press('ArrowRight');
    await expect.poll(() => session.page.getByTestId('playhead-date').innerText()).toBe(longDate(next));
    const previous = inRange('2021-06-01', '2021-06-30').map((i) => i.date).sort().at(-1)!;
    await session.page.locator('body').press('ArrowLeft');
    await expect.poll(() => session.page.getByTestId('playhead-date').innerText()).toBe(longDate(previous));
  });

  it('ignores bad values in the URL with a visible notice, and still shows the map', async () => {
    await session.page.goto(`${session.appUrl}?from=2022-99-01&speed=fast&mode=sideways`);
    await waitForMapIdle(session.page);
    const notices = await session.page.getByTestId('url-notice').allInnerTexts();
    expect(notices).toHaveLength(3);
    expect(notices.join(' ')).toContain('from=2022-99-01');
    await expect.poll(() => session.page.getByTestId('incident-count').innerText()).toBe(`${incidents.length} incidents`);
  });

  it('captions each incident as playback reaches it, with its quote and a running tally, and can stop at each one', async () => {
    const { page } = session;
    await page.goto(`${session.appUrl}?from=2022-08-14&to=2022-08-27&t=2022-08-16`);
    await waitForMapIdle(page);
    // By 16 August, three incidents of the 15th, in the order of their moments (a day without a time of day counts from its middle).
    const day = inRange('2022-08-15', '2022-08-15').sort((a, b) => incidentMoment(a) - incidentMoment(b));
    expect(day).toHaveLength(3);
    const captions = page.getByTestId('story-caption');
    await expect.poll(() => captions.count()).toBe(3);
    const newest = day[2]!;
    expect(await captions.first().getAttribute('data-incident-id')).toBe(newest.id);
    const caption = await captions.first().innerText();
    expect(caption).toContain(newest.title.en);
    expect(caption).toContain('Confirmed');
    const quote = newest.sources.find((s) => s.quoteAr.length)!.quoteAr[0]!.replace(/\s+/g, ' ').slice(0, 30);
    expect((await captions.first().getByTestId('story-caption-ar').innerText()).replace(/\s+/g, ' ')).toContain(quote);
    const tally = await page.getByTestId('story-tally').innerText();
    expect(tally).toContain('2 attacks on bases');
    expect(tally).toContain('1 strike in return');
    // A caption opens its incident.
    await captions.first().click();
    await expect.poll(() => page.getByTestId('incident-panel').getAttribute('data-incident-id')).toBe(newest.id);

    // Stopping at each incident: played from the range's start, playback stops on the first one,
    // its caption alone; played again, on the next.
    await page.getByTestId('play-more').click();
    await page.getByTestId('pause-each').check();
    await page.getByTestId('play-more').click();
    await page.getByRole('button', { name: 'Go to the start' }).click();
    await page.getByTestId('play').click();
    await expect.poll(() => captions.count(), { timeout: 20_000 }).toBe(1);
    await expect.poll(() => page.getByTestId('play').getAttribute('aria-label')).toBe('Play');
    expect(await page.getByTestId('playhead-date').innerText()).toBe('15 August 2022');
    expect(await captions.first().getAttribute('data-incident-id')).toBe(day[0]!.id);
    await page.getByTestId('play').click();
    await expect.poll(() => captions.count(), { timeout: 20_000 }).toBe(2);
    await expect.poll(() => page.getByTestId('play').getAttribute('aria-label')).toBe('Play');
    expect(await captions.first().getAttribute('data-incident-id')).toBe(day[1]!.id);

    // Captions off: neither captions nor tally.
    await page.getByTestId('captions-toggle').uncheck();
    expect(await captions.count()).toBe(0);
    expect(await page.getByTestId('story-tally').count()).toBe(0);
  });

  it('keeps one history entry for one drag of the date brush, however many moves it makes', async () => {
    const page = session.page;
    await page.goto(`${session.appUrl}?from=2021-01-01&to=2024-12-31`);
    await waitForMapIdle(page);
    const before = await page.evaluate(() => history.length);
    const chart = (await page.getByTestId('timeline-chart').boundingBox())!;
    const y = chart.y + chart.height * 0.4;
    await page.mouse.move(chart.x + chart.width * 0.2, y);
    await page.mouse.down();
    for (let i = 1; i <= 12; i++) {
      await page.mouse.move(chart.x + chart.width * (0.2 + 0.04 * i), y);
      await page.waitForTimeout(40);
    }
    await page.mouse.up();
    const from = await page.getByTestId('range-from').inputValue();
    expect(from).not.toBe('2021-01-01');
    await expect.poll(() => new URL(page.url()).searchParams.get('from')).toBe(from);
    expect(await page.evaluate(() => history.length)).toBe(before + 1);
    // Back returns to the range before the drag, not to one of its moves.
    await page.goBack();
    await expect.poll(() => new URL(page.url()).searchParams.get('from')).toBe('2021-01-01');
    await expect.poll(() => page.getByTestId('range-from').inputValue()).toBe('2021-01-01');
  });

  it('restores the previous range with the back button', async () => {
    await session.page.goto(session.appUrl);
    await waitForMapIdle(session.page);
    await session.page.locator('[data-wave="2022-summer"]').click();
    await expect.poll(() => new URL(session.page.url()).searchParams.get('from')).toBe('2022-08-01');
    await session.page.locator('[data-wave="2021-summer"]').click();
    await expect.poll(() => new URL(session.page.url()).searchParams.get('from')).toBe('2021-06-01');
    await session.page.goBack();
    await expect.poll(() => new URL(session.page.url()).searchParams.get('from')).toBe('2022-08-01');
    await expect.poll(() => session.page.getByTestId('incident-count').innerText()).toBe(`${inRange('2022-08-01', '2022-09-30').length} of ${incidents.length} incidents`);
    await session.page.goForward();
    await expect.poll(() => session.page.getByTestId('incident-count').innerText()).toBe(`${inRange('2021-06-01', '2021-07-31').length} of ${incidents.length} incidents`);
  });
});
