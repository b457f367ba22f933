/**
 * Imported arcs (events with an origin) as flat arrays for deck.gl: no object per arc.
 *
 * The arcs of a dataset are its rows with an origin, already sorted by day. They are cut
 * into chunks of ARC_CHUNK arcs, each drawn by a layer of its own, so that a playback
 * window draws only the chunks it overlaps: a software renderer pays for every vertex it
 * is given, even one a filter then hides. Each arc's curve is the bundled arcs' curve
 * (arcPath), with as many segments as its length on screen needs at the current zoom.
 * The moving heads and impact pulses are found by binary search on the day column and
 * built for the few arcs in flight at the playhead.
 */
import type { EventColumns } from '../data/event-columns';
import { kindFromText, type IncidentKind } from '../data/vocabulary';
import { ARC_SEGMENTS, arcPath, fanCurvature } from './arc-path';
import { FLIGHT_DAYS } from './incident-glyphs';
import { latToWorldY, lonToWorldX } from './event-density';
import type { LonLat } from './incident-geometry';

/** Arcs per chunk (per layer). */
export const ARC_CHUNK = 1024;
/** Screen length of a segment at the zoom a chunk was made for. */
const SEGMENT_PX = 14;
/** Curvatures cycle through this many fan steps between the same two points. */
const FAN_STEPS = 4;
/** Zooms at which curves are made: a view between two of them uses the lower. */
const MIN_DETAIL = 4;
const MAX_DETAIL = 12;

/** The rows of a dataset that are arcs, in day order. */
export interface ArcRows {
  columns: EventColumns;
  /** Row (index into the columns) of each arc. */
  rows: Uint32Array;
  /** Day of each arc (the columns' day, ascending). */
  day: Float32Array;
  /** The kind each event type names (colour), by type index. */
  kinds: IncidentKind[];
}

const rowsCache = new WeakMap<EventColumns, ArcRows>();

export function arcRowsOf(columns: EventColumns): ArcRows {
  let cached = rowsCache.get(columns);
  if (cached) return cached;
  const rows = new Uint32Array(columns.arcCount);
  const day = new Float32Array(columns.arcCount);
  const origin = columns.originLon;
  let k = 0;
  if (origin)
    for (let i = 0; i < columns.length; i++) {
      if (origin[i] !== origin[i]) continue; // NaN: a point
      rows[k] = i;
      day[k++] = columns.day[i]!;
    }
  cached = { columns, rows: rows.subarray(0, k), day: day.subarray(0, k), kinds: columns.eventTypes.map(kindFromText) };
  rowsCache.set(columns, cached);
  return cached;
}

/** The zoom at which curves are made for a view at `zoom`. */
export function arcDetail(zoom: number | null): number {
  if (zoom === null || !Number.isFinite(zoom)) return 7;
  return Math.max(MIN_DETAIL, Math.min(MAX_DETAIL, Math.floor(zoom)));
}

/** Segments for an arc from `from` to `to` drawn at zoom `detail` (its chord, in 512-px tiles as deck.gl counts them). */
export function segmentsFor(from: LonLat, to: LonLat, detail: number): number {
  const scale = 512 * 2 ** detail;
  const dx = (lonToWorldX(to[0]) - lonToWorldX(from[0])) * scale;
  const dy = (latToWorldY(to[1]) - latToWorldY(from[1])) * scale;
  return Math.max(2, Math.min(ARC_SEGMENTS, Math.ceil(Math.hypot(dx, dy) / SEGMENT_PX)));
}

/** One layer's worth of arcs: binary path data deck.gl's PathLayer takes as it is. */
export interface ArcChunk {
  /** Index of the chunk's first arc (into ArcRows). */
  first: number;
  length: number;
  dayMin: number;
  dayMax: number;
  /** Start of each arc's vertices (length + 1 entries). */
  startIndices: Uint32Array;
  /** [lon, lat] of every vertex. */
  positions: Float32Array;
}

const chunkCache = new WeakMap<ArcRows, Map<number, ArcChunk[]>>();

/** The chunks of a dataset's arcs at a zoom detail; kept for the two details used last. */
export function arcChunks(arcs: ArcRows, detail: number): ArcChunk[] {
  let byDetail = chunkCache.get(arcs);
  if (!byDetail) chunkCache.set(arcs, (byDetail = new Map()));
  let chunks = byDetail.get(detail);
  if (chunks) {
    byDetail.delete(detail);
    byDetail.set(detail, chunks);
    return chunks;
  }
  chunks = buildChunks(arcs, detail);
  byDetail.set(detail, chunks);
  while (byDetail.size > 2) byDetail.delete(byDetail.keys().next().value!);
  return chunks;
}

/** The two ends of arc k: [origin, target]. */
export function arcEnds(arcs: ArcRows, k: number): [LonLat, LonLat] {
  const { columns } = arcs;
  const row = arcs.rows[k]!;
  return [
    [columns.originLon![row]!, columns.originLat![row]!],
    [columns.lon[row]!, columns.lat[row]!],
  ];
}

/** Curvature of each arc: arcs between the same two points fan out, as the bundled ones do. */
function curvatures(arcs: ArcRows): Float32Array {
  const out = new Float32Array(arcs.rows.length);
  const perPair = new Map<string, number>();
  const { columns } = arcs;
  for (let k = 0; k < arcs.rows.length; k++) {
    const row = arcs.rows[k]!;
    const pair = `${columns.originLon![row]},${columns.originLat![row]}>${columns.lon[row]},${columns.lat[row]}`;
    const n = perPair.get(pair) ?? 0;
    perPair.set(pair, n + 1);
    out[k] = fanCurvature(n % FAN_STEPS);
  }
  return out;
}

const curvatureCache = new WeakMap<ArcRows, Float32Array>();

/** The path of arc k (for a highlight or a head), at full detail. */
export function arcPathOf(arcs: ArcRows, k: number, segments = ARC_SEGMENTS): LonLat[] {
  const [from, to] = arcEnds(arcs, k);
  return arcPath(from, to, curvatureOf(arcs)[k]!, segments);
}

function curvatureOf(arcs: ArcRows): Float32Array {
  let c = curvatureCache.get(arcs);
  if (!c) curvatureCache.set(arcs, (c = curvatures(arcs)));
  return c;
}

function buildChunks(arcs: ArcRows, detail: number): ArcChunk[] {
  const n = arcs.rows.length;
  const curvature = curvatureOf(arcs);
  const segments = new Uint8Array(n);
  for (let k = 0; k < n; k++) {
    const [from, to] = arcEnds(arcs, k);
    segments[k] = segmentsFor(from, to, detail);
  }
  const chunks: ArcChunk[] = [];
  for (let first = 0; first < n; first += ARC_CHUNK) {
    const length = Math.min(ARC_CHUNK, n - first);
    const startIndices = new Uint32Array(length + 1);
    let vertices = 0;
    for (let j = 0; j < length; j++) {
      startIndices[j] = vertices;
      vertices += segments[first + j]! + 1;
    }
    startIndices[length] = vertices;
    const positions = new Float32Array(vertices * 2);
    for (let j = 0; j < length; j++) {
      const k = first + j;
      const [from, to] = arcEnds(arcs, k);
      const path = arcPath(from, to, curvature[k]!, segments[k]!);
      let at = startIndices[j]! * 2;
      for (const [x, y] of path) {
        positions[at++] = x;
        positions[at++] = y;
      }
    }
    chunks.push({ first, length, dayMin: arcs.day[first]!, dayMax: arcs.day[first + length - 1]!, startIndices, positions });
  }
  return chunks;
}

/** Index range [from, to) of the arcs whose day lies in [fromDay, toDay] (binary search on the sorted days). */
export function arcsBetween(arcs: ArcRows, fromDay: number, toDay: number): [number, number] {
  return [lowerBound(arcs.day, fromDay), upperBound(arcs.day, toDay)];
}

function lowerBound(values: Float32Array, target: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid]! < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function upperBound(values: Float32Array, target: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid]! <= target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Whether a chunk holds any arc whose day lies in [lower, upper]. */
export function chunkInWindow(chunk: ArcChunk, [lower, upper]: readonly [number, number]): boolean {
  return chunk.dayMax >= lower && chunk.dayMin <= upper;
}

/** How long a head's trail and an impact's pulse last (days of data time), as the bundled ones. */
export interface FlightTimes {
  trail: number;
  pulse: number;
}

/**
 * The arcs in flight at day `t` (binary search: a handful of rows): those whose head is
 * flying or trailing, and those whose impact is pulsing; only arcs of a shown type
 * (`shown[typeIndex]`) whose day lies in `range` [first day, day after the last].
 */
export function arcsInFlight(
  arcs: ArcRows,
  shown: Uint8Array,
  t: number,
  range: readonly [number, number],
  times: FlightTimes,
  /** Rows matching the search (null: no search). */
  match: Uint8Array | null = null,
): { heads: number[]; pulses: number[] } {
  const heads: number[] = [];
  const pulses: number[] = [];
  const [lo, hi] = arcsBetween(arcs, t - Math.max(times.trail, times.pulse), t + FLIGHT_DAYS);
  const { columns } = arcs;
  for (let k = lo; k < hi; k++) {
    const day = arcs.day[k]!;
    const row = arcs.rows[k]!;
    if (day < range[0] || day >= range[1] || !shown[columns.eventType[row]!] || (match && !match[row])) continue;
    if (day >= t - times.trail) heads.push(k);
    if (day <= t && day >= t - times.pulse) pulses.push(k);
  }
  return { heads, pulses };
}

/** 1 for each event type index shown (all when none is chosen). */
export function shownTypes(columns: EventColumns, types: readonly string[]): Uint8Array {
  const shown = new Uint8Array(256);
  columns.eventTypes.forEach((name, index) => (shown[index] = types.length === 0 || types.includes(name) ? 1 : 0));
  return shown;
}
