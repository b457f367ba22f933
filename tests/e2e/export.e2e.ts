/**
 * Exports as a user makes them: the export panel, the browser's download, and the file
 * checked as the person receiving it would open it. PNGs decode at the requested size
 * with arcs and a legend; the video has the planned frames; the CSV has one row per
 * selected incident; the JSON goes back through the importer to the same records.
 */
import { ALL_FORMATS, BufferSource, EncodedPacketSink, Input } from 'mediabunny';
import Papa from 'papaparse';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { incidentSchema, placeSchema, sourceArticleSchema } from '../../src/lib/data/schema';
import { END_CARD_SECONDS, videoFramePlan } from '../../src/lib/export/video-plan';
import { frameTimes, storyTimeline } from '../../src/lib/story/story-captions';
import { videoFrames, whiteCardRows } from './video-frames';
import { KIND_COLORS } from '../../src/lib/map/incident-style';
import { dayNumber, incidentMoment } from '../../src/lib/timeline/incident-time';
import { expectNothingAmiss, openBrowserSession, waitForMapIdle, type BrowserSession } from './browser-session';
import { arcMiddle, bundledArcs, bundledData, project, viewHash, type View } from './map-geometry';
import { countPixelsNear, countReddish, decodePng, type DecodedImage } from './pixels';
import { readStores } from './stored-records';
import { download, type Downloaded } from './downloads';

const RED = KIND_COLORS['attack-on-coalition'];
const FROM = '2022-08-01';
const TO = '2022-09-30';
const { incidents } = bundledData();
const selected = incidents.filter((i) => i.date >= FROM && i.date <= TO);
const arcs = bundledArcs().filter((a) => a.incident.date >= FROM && a.incident.date <= TO);
/** Downloads what the export button `testId` makes. */
function downloadFrom(session: BrowserSession, testId: string, timeout?: number): Promise<Downloaded> {
  return download(session.page, () => session.page.getByTestId(testId).click(), timeout);
}

/** The legend box: the largest block of pure white in the lower inline-end (right) part of the image. */
function legendChecks(image: DecodedImage): { white: number; red: number } {
  const region = { x: Math.round(image.width * 0.55), y: Math.round(image.height * 0.35), width: Math.round(image.width * 0.45), height: Math.round(image.height * 0.65) };
  return { white: countPixelsNear(image, [255, 255, 255], 3, region), red: countPixelsNear(image, RED, 30, region) };
}

describe('export', () => {
  let session: BrowserSession;
  let view: View;

  beforeAll(async () => {
    session = await openBrowserSession(inject('appUrl'));
    // A view on the range's one arc (west of the Euphrates to Green Village; the 107 mm
    // rockets of 18 Sep 2022 have no known launch direction and draw none), opened at once:
    // the map's size, read once it is drawn, is all the projection still needs.
    const mid = arcMiddle(arcs[0]!);
    const centre = { lon: Number(mid[0].toFixed(4)), lat: Number(mid[1].toFixed(4)), zoom: 9.5 };
    await session.page.goto(`${session.appUrl}?from=${FROM}&to=${TO}${viewHash({ ...centre, width: 0, height: 0 })}`);
    await waitForMapIdle(session.page);
    const box = (await session.page.getByTestId('map').boundingBox())!;
    view = { ...centre, width: Math.round(box.width), height: Math.round(box.height) };
    await session.page.getByTestId('export-open').click();
  });
  afterAll(async () => session?.close());
  afterEach(() => expectNothingAmiss(session));

  it('opens over the map with every control in sight, none cut off by the bar it opens from', async () => {
    // Hit-tested where the user sees them, before any click scrolls anything into view.
    const hidden = await session.page.evaluate(() => {
      const panel = document.getElementById('export-panel')!.getBoundingClientRect();
      return [...document.querySelectorAll<HTMLElement>('#export-panel button, #export-panel select')]
        .filter((el) => {
          const r = el.getBoundingClientRect();
          if (r.bottom > panel.bottom) return false; // scrolled within the panel: not this test's business
          const hit = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
          return !(hit && el.contains(hit));
        })
        .map((el) => el.dataset['testid'] ?? el.textContent);
    });
    expect(hidden).toEqual([]);
  });

  it('has arcs to export in the range', () => {
    expect(selected.length).toBe(8);
    expect(arcs.length).toBe(1);
  });

  it('downloads a PNG at twice the map size, with the arcs where the screen has them and a legend', async () => {
    await session.page.getByTestId('export-title').fill('Rockets on Green Village, August–September 2022');
    await session.page.getByTestId('export-png-size').selectOption('2x');
    const started = Date.now();
    const file = await downloadFrom(session, 'export-png');
    console.info(`PNG 2× (${view.width * 2}×${view.height * 2}) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    expect(file.name).toBe(`eastern-syria-strikes_${FROM}_${TO}.png`);
    const image = decodePng(file.bytes);
    expect([image.width, image.height]).toEqual([view.width * 2, view.height * 2]);
    // Each arc is drawn where the screen draws it, at twice the scale.
    for (const arc of arcs) {
      const at = project(view, arcMiddle(arc));
      const box = { x: Math.round(at.x * 2) - 16, y: Math.round(at.y * 2) - 16, width: 33, height: 33 };
      expect(countReddish(image, box, 60), arc.incident.id).toBeGreaterThan(20);
    }
    const legend = legendChecks(image);
    expect(legend.white).toBeGreaterThan(20_000);
    expect(legend.red).toBeGreaterThan(100);
  });

  it('downloads a PNG rendered at 1920×1080', async () => {
    await session.page.getByTestId('export-png-size').selectOption('1920x1080');
    const started = Date.now();
    const file = await downloadFrom(session, 'export-png');
    console.info(`PNG 1920×1080 in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    const image = decodePng(file.bytes);
    expect([image.width, image.height]).toEqual([1920, 1080]);
    // The map area (outside the legend's corner) has arc-coloured pixels.
    expect(countReddish(image, { x: 0, y: 60, width: 1300, height: 900 }, 60)).toBeGreaterThan(200);
    const legend = legendChecks(image);
    expect(legend.white).toBeGreaterThan(15_000);
    expect(legend.red).toBeGreaterThan(50);
  });

  it('downloads the selection as CSV, one row per incident, with ACLED column names', async () => {
    const file = await downloadFrom(session, 'export-csv');
    expect(file.name).toBe(`eastern-syria-strikes_${FROM}_${TO}.csv`);
    const parsed = Papa.parse<Record<string, string>>(file.bytes.toString('utf8').replace(/^\ufeff/, ''), { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    for (const column of ['event_date', 'latitude', 'longitude', 'event_type', 'sub_event_type', 'actor1', 'location', 'notes', 'fatalities', 'source', 'time_precision', 'geo_precision', 'origin_name', 'quote_ar'])
      expect(parsed.meta.fields).toContain(column);
    expect(parsed.data.map((r) => r['event_id_cnty']).sort()).toEqual(selected.map((i) => i.id).sort());
    const withQuote = parsed.data.find((r) => r['quote_ar'])!;
    expect(withQuote['quote_ar']).toMatch(/[\u0600-\u06ff]/);
  });

  it('downloads the selection as GeoJSON: LineStrings for arcs, Points for impacts', async () => {
    const file = await downloadFrom(session, 'export-geojson');
    const geojson = JSON.parse(file.bytes.toString('utf8')) as { type: string; features: { geometry: { type: string }; properties: { id: string } }[] };
    expect(geojson.type).toBe('FeatureCollection');
    expect(geojson.features.length).toBe(selected.length);
    expect(geojson.features.filter((f) => f.geometry.type === 'LineString').length).toBe(arcs.length);
    expect(geojson.features.filter((f) => f.geometry.type === 'Point').length).toBe(selected.length - arcs.length);
  });

  it('downloads the app JSON, which the importer reads back to the same records', async () => {
    const file = await downloadFrom(session, 'export-json');
    const json = JSON.parse(file.bytes.toString('utf8')) as { format: string; incidents: unknown[]; places: unknown[]; sources: unknown[] };
    expect(json.format).toBe('eastern-syria-strikes');
    for (const p of json.places) expect(placeSchema.safeParse(p).success).toBe(true);
    for (const s of json.sources) expect(sourceArticleSchema.safeParse(s).success).toBe(true);
    for (const i of json.incidents) expect(incidentSchema.safeParse(i).success).toBe(true);

    // Through the import dialog, as a user would: the stored records come back the same,
    // with their ids filed under the new dataset.
    await session.page.getByTestId('export-close').click();
    await session.page.getByTestId('import-file-input').setInputFiles({ name: file.name, mimeType: 'application/json', buffer: file.bytes });
    await session.page.getByTestId('import-report').waitFor();
    await session.page.getByTestId('import-confirm').click();
    await session.page.getByTestId('import-done').waitFor();
    const records = await readStores(session.page, ['datasets', 'incidents']);
    const imported = (records['datasets'] as { id: string; kind: string }[]).find((d) => d.kind === 'import');
    expect(imported).toBeDefined();
    const stored = { datasetId: imported!.id, incidents: (records['incidents'] as { datasetId: string }[]).filter((i) => i.datasetId === imported!.id) };
    const unprefix = (id: string) => id.replace(`${stored.datasetId}-`, '');
    const back = (stored.incidents as unknown as (typeof selected)[number][]).map((i) => {
      const { datasetId: _dataset, ...rest } = i as typeof i & { datasetId: string };
      return {
        ...rest,
        id: unprefix(i.id),
        targetId: unprefix(i.targetId),
        originId: i.originId === null ? null : unprefix(i.originId),
        ...(i.relatedPlaceIds ? { relatedPlaceIds: i.relatedPlaceIds.map(unprefix) } : {}),
        sources: i.sources.map((src) => (src.sourceId ? { ...src, sourceId: unprefix(src.sourceId) } : src)),
      };
    });
    const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
    const original = selected.map((i) => {
      const { datasetId: _dataset, ...rest } = i as typeof i & { datasetId?: string };
      return rest;
    });
    expect(back.sort(byId)).toEqual(original.sort(byId));

    // The import deleted again, as a user would: the page's data is as the other tests expect it.
    await session.page.getByTestId('import-dismiss').click();
    await session.page.getByTestId('tab-data').click();
    await session.page.getByTestId('dataset-delete').click();
    await session.page.getByTestId('dataset-delete-confirm').click();
    await expect.poll(async () => ((await readStores(session.page, ['datasets']))['datasets'] as unknown[]).length).toBe(1);
    await session.page.getByTestId('tab-incidents').click();
    await session.page.getByTestId('export-open').click();
  });

  it('makes a video of a two-week playback, frame by frame, with a progress bar, captions burned in and its subtitles', async () => {
    const from = '2022-08-14';
    const to = '2022-08-27';
    await session.page.goto(`${session.appUrl}?from=${from}&to=${to}${viewHash(view)}`);
    await waitForMapIdle(session.page);
    await session.page.getByTestId('export-open').click();
    await session.page.getByTestId('export-video-size').selectOption('640x360');
    await session.page.getByTestId('export-video-fps').selectOption('10');
    await session.page.getByTestId('export-video-format').selectOption('webm');
    const started = Date.now();
    const [file] = await Promise.all([
      downloadFrom(session, 'export-video', 110_000),
      session.page.getByTestId('export-video-progress').waitFor({ state: 'attached', timeout: 30_000 }),
    ]);
    console.info(`video 640×360 at 10 fps in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    expect(file.name).toBe(`eastern-syria-strikes_${from}_${to}.webm`);
    expect(file.bytes.length).toBeGreaterThan(10_000);

    // The plan the export follows: the playback's frames (a frame held while a caption is read), then the closing card.
    const inRange = incidents.filter((i) => i.date >= from && i.date <= to);
    const timeline = storyTimeline(inRange.map((i) => ({ id: i.id, moment: incidentMoment(i) })));
    const plan = videoFramePlan({ range: [dayNumber(from), dayNumber(to) + 1], stops: timeline.map((m) => m.moment), fps: 10, speed: 1, compressGaps: true });
    const times = frameTimes(plan, 10, timeline, 1);
    expect(plan.length).toBeGreaterThan(20);
    const input = new Input({ source: new BufferSource(new Uint8Array(file.bytes)), formats: ALL_FORMATS });
    const track = (await input.getPrimaryVideoTrack())!;
    expect(track).not.toBeNull();
    expect(await track.getDisplayWidth()).toBe(640);
    expect(await track.getDisplayHeight()).toBe(360);
    let packets = 0;
    for await (const _packet of new EncodedPacketSink(track).packets()) packets++;
    // The closing card is held from its first frame to its last.
    expect(packets).toBe(plan.length + 2);
    expect(await input.computeDuration()).toBeCloseTo(times.total + END_CARD_SECONDS, 1);

    // The subtitles: one cue per incident of the range, from the first frame at or after it.
    const vtt = await downloadFrom(session, 'export-subtitles');
    expect(vtt.name).toBe(`eastern-syria-strikes_${from}_${to}.en.vtt`);
    const text = vtt.bytes.toString('utf8');
    expect(text.startsWith('WEBVTT')).toBe(true);
    const cues = [...text.matchAll(/^(\S+)\n(\d\d):(\d\d):(\d\d)\.(\d{3}) --> (\d\d):(\d\d):(\d\d)\.(\d{3})\n([^\n]+)/gm)].map((m) => ({
      id: m[1]!,
      start: Number(m[2]) * 3600 + Number(m[3]) * 60 + Number(m[4]) + Number(m[5]) / 1000,
      end: Number(m[6]) * 3600 + Number(m[7]) * 60 + Number(m[8]) + Number(m[9]) / 1000,
      heading: m[10]!,
    }));
    expect(cues.map((c) => c.id).sort()).toEqual(inRange.map((i) => i.id).sort());
    for (const cue of cues) {
      const moment = timeline.find((m) => m.id === cue.id)!.moment;
      const first = plan.findIndex((t) => t >= moment);
      expect(cue.start, cue.id).toBeCloseTo(times.starts[first]!, 2);
      expect(cue.heading).toContain(inRange.find((i) => i.id === cue.id)!.title.en);
    }

    // The first caption is in the picture at its cue, and nothing is there a frame before it.
    const firstCue = cues.reduce((a, b) => (b.start < a.start ? b : a));
    expect(firstCue.start).toBeGreaterThan(0.2);
    const [before, at] = await videoFrames(session.context, file.bytes, 'video/webm', [firstCue.start - 0.15, firstCue.start + 0.05]);
    const captionColumn = { x: 0, y: Math.round(360 * 0.3), width: Math.round(640 * 0.45), height: Math.round(360 * 0.6) };
    expect(whiteCardRows(before!, captionColumn, 120)).toBe(0);
    expect(whiteCardRows(at!, captionColumn, 120)).toBeGreaterThan(40);
  });

  it('makes a vertical 1080×1920 video for phones, its captions across the frame above the legend', async () => {
    const from = '2022-08-23';
    const to = '2022-08-24';
    await session.page.goto(`${session.appUrl}?from=${from}&to=${to}${viewHash(view)}`);
    await waitForMapIdle(session.page);
    await session.page.getByTestId('export-open').click();
    await session.page.getByTestId('export-video-size').selectOption('1080x1920');
    await session.page.getByTestId('export-video-fps').selectOption('10');
    await session.page.getByTestId('export-video-format').selectOption('webm');
    const file = await downloadFrom(session, 'export-video', 110_000);
    const input = new Input({ source: new BufferSource(new Uint8Array(file.bytes)), formats: ALL_FORMATS });
    const track = (await input.getPrimaryVideoTrack())!;
    expect(await track.getDisplayWidth()).toBe(1080);
    expect(await track.getDisplayHeight()).toBe(1920);
    // Half a second in, the strikes of 23 August are captioned: a card across the lower part of the frame.
    const [frame] = await videoFrames(session.context, file.bytes, 'video/webm', [0.5]);
    expect(frame!.width).toBe(1080);
    const lower = { x: 0, y: Math.round(1920 * 0.5), width: 1080, height: Math.round(1920 * 0.35) };
    expect(whiteCardRows(frame!, lower, 600)).toBeGreaterThan(30);
  });

  it('cancels a video without saving anything', async () => {
    await session.page.getByTestId('export-video-size').selectOption('640x360');
    let downloads = 0;
    const count = () => downloads++;
    session.page.on('download', count);
    await session.page.getByTestId('export-video').click();
    await session.page.getByTestId('export-video-cancel').click();
    await expect.poll(() => session.page.getByTestId('export-message').innerText(), { timeout: 60_000 }).toContain('Cancelled');
    expect(await session.page.getByTestId('export').getAttribute('data-job')).toBe('');
    session.page.off('download', count);
    expect(downloads).toBe(0);
  });
});
