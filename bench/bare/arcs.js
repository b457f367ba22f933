// The bare side of the playback comparison: MapLibre with the app's offline basemap style
// and ONE deck.gl MapboxOverlay (interleaved: false) drawing the same curved arcs as the app
// (arcPath / fanCurvature / ARC_SEGMENTS from src/lib/map/arc-path.ts), styled as the app
// styles them (colour by kind, width, transparency and dashes by status: STATUS_STYLE and
// KIND_COLORS), in a PathLayer with a DataFilterExtension whose range advances every frame
// like playback, plus the same TripsLayer heads. Nothing else: no places, impacts, pulses,
// target rings, UI or state.
//
// Query: ?data=<url of an app JSON file>&w=<px>&h=<px>&start=<YYYY-MM-DD>&from=<YYYY-MM-DD>&to=<YYYY-MM-DD>&speed=16
// [&layers=arcs|heads|arcs,heads]
// Or ?csv=<url of a CSV of scripts/generate-arcs.mjs's shape> (id, timestamp, origin_lat,
// origin_lng, target_lat, target_lng, kind, weapon, notes) [&window=<days>]: the same rows
// as arcs, the straightforward way: every row a 24-segment curve, solid (the file gives no
// status), coloured by kind; with &window=N the filter shows the N days up to the playhead,
// fading over the older half, as the app's window mode does. "The bare page" of the
// benchmark's "imported arcs" section.
// Hash: #map=zoom/lat/lon, as the app's.
// Exposes window.__strikesMapPerf (as the app does) and window.__bare = { ready, arcs, error }.
import { TripsLayer } from '@deck.gl/geo-layers';
import { PathLayer } from '@deck.gl/layers';
import { DataFilterExtension, PathStyleExtension } from '@deck.gl/extensions';
import { STATUS_STYLE } from '../../src/lib/map/incident-glyphs';
import { KIND_COLORS } from '../../src/lib/map/incident-style';
import { ARC_SEGMENTS, arcPath, fanCurvature } from '../../src/lib/map/arc-path';
import { dayFraction, dayNumber, incidentMoment } from '../../src/lib/timeline/incident-time';
import { kindFromText } from '../../src/lib/data/vocabulary';
import Papa from 'papaparse';
import places from '../../data/places.json';
import { bareMap, params } from './bare-map.js';

// As src/lib/map/incident-glyphs.ts and incident-layers.ts.
const FLIGHT_DAYS = 0.4;
const HEAD_TRAIL_DAYS = 0.18;
const DAYS_PER_SECOND = 1;

window.__bare = { ready: false, arcs: 0, error: null };
let arcCount = 0;

const { overlay } = bareMap({ firstFrameKey: 'firstIncidentFrame', drawn: () => arcCount > 0 });
// As the app: two filter values (the moment, and 1 for "passes the facet filters"), dashes by status.
const filter = new DataFilterExtension({ filterSize: 2 });
const dashes = new PathStyleExtension({ dash: true });
const SHOWN = [0.5, 1.5];

function buildArcs(data) {
  const byId = new Map(places.map((p) => [p.id, [p.lon, p.lat]]));
  const incidents = data.incidents
    .filter((i) => i.originId && byId.has(i.originId) && byId.has(i.targetId))
    .map((incident) => ({ incident, moment: incidentMoment(incident) }))
    .sort((a, b) => a.moment - b.moment);
  const perPair = new Map();
  return incidents.map(({ incident, moment }) => {
    const pair = `${incident.originId}>${incident.targetId}`;
    const k = perPair.get(pair) ?? 0;
    perPair.set(pair, k + 1);
    const path = arcPath(byId.get(incident.originId), byId.get(incident.targetId), fanCurvature(k), ARC_SEGMENTS);
    const launch = moment - FLIGHT_DAYS;
    const timestamps = path.map((_, i) => launch + (FLIGHT_DAYS * i) / (path.length - 1));
    return { path, timestamps, impact: moment, color: KIND_COLORS[incident.kind] ?? [200, 50, 40], style: STATUS_STYLE[incident.status] ?? STATUS_STYLE.reported };
  });
}

/** Days since the app's TIME_ORIGIN of an ISO timestamp, as the importer reads it (date, then hours and minutes). */
const dayOf = (timestamp) => dayNumber(timestamp.slice(0, 10)) + dayFraction(timestamp.slice(11));

/** The rows of an analyst's CSV as arcs, sorted by moment; alpha and width as the app gives imported arcs. */
function buildCsvArcs(text) {
  const { data } = Papa.parse(text.trim(), { header: true, skipEmptyLines: true });
  const alpha = Math.round(STATUS_STYLE.reported.alpha * Math.max(0.35, Math.min(1, Math.sqrt(400 / Math.max(data.length, 1)))));
  const width = data.length > 1000 ? 1.25 : 1.75;
  const rows = data
    .map((r) => ({ from: [Number(r.origin_lng), Number(r.origin_lat)], to: [Number(r.target_lng), Number(r.target_lat)], moment: dayOf(r.timestamp), kind: kindFromText(r.kind) }))
    .sort((a, b) => a.moment - b.moment);
  return rows.map(({ from, to, moment, kind }) => {
    const path = arcPath(from, to, fanCurvature(0), ARC_SEGMENTS);
    const launch = moment - FLIGHT_DAYS;
    const timestamps = path.map((_, i) => launch + (FLIGHT_DAYS * i) / (path.length - 1));
    return { path, timestamps, impact: moment, color: KIND_COLORS[kind], style: { alpha, width, dash: [0, 0] } };
  });
}
const csvMode = params.has('csv');
const windowDays = Number(params.get('window') || 0);

// For diagnosis: ?layers=arcs or ?layers=heads draws only one of the two (default both).
const shown = new Set((params.get('layers') || 'arcs,heads').split(','));

function layers(arcs, range, playhead) {
  return allLayers(arcs, range, playhead).filter((layer) => shown.has(layer.id));
}

function allLayers(arcs, range, playhead) {
  // Window mode (&window=N): the N days up to the playhead, the older half fading.
  const lower = playhead !== null && windowDays > 0 ? Math.max(range[0], playhead - windowDays) : range[0];
  const softLower = playhead !== null && windowDays > 0 ? Math.max(range[0], playhead - windowDays / 2) : range[0];
  if (csvMode) return csvLayers(arcs, range, playhead, lower, softLower);
  const out = [
    new PathLayer({
      id: 'arcs',
      data: arcs,
      getPath: (d) => d.path,
      getColor: (d) => [...d.color, d.style.alpha],
      getWidth: (d) => d.style.width,
      widthUnits: 'pixels',
      widthMinPixels: 1.5,
      capRounded: true,
      jointRounded: true,
      getDashArray: (d) => d.style.dash,
      dashJustified: true,
      getFilterValue: (d) => [d.impact, 1],
      extensions: [filter, dashes],
      filterRange: [[range[0], playhead ?? range[1]], SHOWN],
      filterSoftRange: [[range[0], playhead ?? range[1]], SHOWN],
      filterTransformColor: true,
    }),
  ];
  if (playhead !== null) out.push(headsLayer(arcs, range, playhead));
  return out;
}

/** The CSV's arcs: solid (no dash extension), else as allLayers. */
function csvLayers(arcs, range, playhead, lower, softLower) {
  const upper = playhead ?? range[1];
  const out = [
    new PathLayer({
      id: 'arcs',
      data: arcs,
      getPath: (d) => d.path,
      getColor: (d) => [...d.color, d.style.alpha],
      getWidth: (d) => d.style.width,
      widthUnits: 'pixels',
      widthMinPixels: 1,
      getFilterValue: (d) => [d.impact, 1],
      extensions: [filter],
      filterRange: [[lower, upper], SHOWN],
      filterSoftRange: [[softLower, upper], SHOWN],
      filterTransformColor: true,
    }),
  ];
  if (playhead !== null) out.push(headsLayer(arcs, range, playhead));
  return out;
}

/** The travelling heads over every row, their range filter on the GPU (as the app's bundled arcs). */
function headsLayer(arcs, range, playhead) {
  return new TripsLayer({
    id: 'heads',
    data: arcs,
    getPath: (d) => d.path,
    getTimestamps: (d) => d.timestamps,
    getColor: (d) => [...d.color, 255],
    getWidth: 5,
    widthUnits: 'pixels',
    capRounded: true,
    currentTime: playhead,
    trailLength: HEAD_TRAIL_DAYS,
    fadeTrail: true,
    getFilterValue: (d) => [d.impact, 1],
    extensions: [filter],
    filterRange: [[range[0], range[1]], SHOWN],
  });
}

let playing = false;
window.__barePlay = () => {
  if (playing || !window.__bare.ready) return;
  playing = true;
  const { arcs, range, start } = window.__bare.state;
  const speed = Number(params.get('speed') || 16);
  // As the app's clock (src/lib/timeline/playback-clock.ts) with loop on and gap compression
  // off: each frame advances by the wall time since the last one; past the end, back to the start.
  let t = start;
  let last = performance.now();
  const frame = () => {
    if (!playing) return;
    const now = performance.now();
    t += ((now - last) / 1000) * DAYS_PER_SECOND * speed;
    last = now;
    if (t >= range[1]) t = range[0];
    overlay.setProps({ layers: layers(arcs, range, t) });
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
};
window.__barePause = () => {
  playing = false;
};

async function load() {
  const url = params.get('csv') ?? params.get('data');
  if (!url) throw new Error('no ?data= or ?csv=');
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  const arcs = csvMode ? buildCsvArcs(await response.text()) : buildArcs(await response.json());
  arcCount = arcs.length;
  const range = [dayNumber(params.get('from') || '2021-01-01'), dayNumber(params.get('to') || '2024-12-31') + 1];
  const start = params.get('start') ? dayNumber(params.get('start')) + 0.9999 : range[0];
  overlay.setProps({ layers: layers(arcs, range, null) });
  window.__bare = { ready: true, arcs: arcs.length, error: null, state: { arcs, range, start } };
}
// The arcs go to deck.gl as soon as they are built: deck.gl draws on its own canvas and needs
// nothing from the style (as the app, which hands its layers over before the basemap is in).
load().catch((error) => {
  window.__bare = { ready: false, arcs: 0, error: String(error?.message ?? error) };
});
