/**
 * The map's layers drawn on a 2D canvas, for browsers without WebGL: the same state
 * (MapState, as the live map and the exports take it) and the same geometry code (glyph
 * paths, imported arcs' curves, the density image counted on the CPU) as the deck.gl
 * layers, drawn in the same order: imported points, imported arcs, target rings, the
 * incidents' arcs and impacts, highlights, then heads and pulses during playback.
 * Returns what was drawn where, in screen pixels, for picking.
 */
import type { GeoProjection } from 'd3-geo';
import type { EventColumns } from '../../data/event-columns';
import { dayRangeIndices } from '../../data/event-columns';
import { densityImage, EVENT_COLOR, typeMask } from '../event-layers';
import { matchOf } from '../event-match';
import { areaBounds, densityAreaFor, drawnAsDensity, rowAt, type DensityGrid } from '../event-density';
import { FLIGHT_DAYS, screenDash, STATUS_STYLE, type ArcGlyph } from '../incident-glyphs';
import { HEAD_TRAIL_DAYS, PULSE_DAYS, visibleWindow } from '../incident-layers';
import { KIND_COLORS, type Rgb } from '../incident-style';
import type { LonLat } from '../incident-geometry';
import { arcAlpha } from '../imported-arc-layers';
import { arcDetail, arcEnds, arcPathOf, arcRowsOf, arcsBetween, arcsInFlight, segmentsFor, shownTypes } from '../imported-arcs';
import type { MapState } from '../map-layers';
import type { CanvasView } from './canvas-view';

type Point = [number, number];

/** What was drawn where (screen pixels), topmost last within each list. */
export interface DrawnScene {
  incidentArcs: { id: string; points: Point[] }[];
  impacts: { id: string; at: Point }[];
  importedArcs: { datasetId: string; row: number; points: Point[] }[];
  dots: { datasetId: string; row: number; at: Point }[];
  density: { columns: EventColumns; grid: DensityGrid }[];
}

const rgba = ([r, g, b]: Rgb, alpha: number) => `rgba(${r}, ${g}, ${b}, ${Math.max(0, Math.min(1, alpha)).toFixed(3)})`;

/** 0 outside the window, 1 inside, fading in over its older part (the GPU filter's soft range). */
function fade(moment: number, window: { range: [number, number]; softRange: [number, number] }): number {
  const [lower, upper] = window.range;
  if (moment < lower || moment > upper) return 0;
  const soft = window.softRange[0];
  return moment >= soft || soft <= lower ? 1 : (moment - lower) / (soft - lower);
}

function strokePath(ctx: CanvasRenderingContext2D, points: readonly Point[]): void {
  ctx.beginPath();
  points.forEach(([x, y], i) => (i === 0 ? ctx.moveTo(x, y) : ctx.lineTo(x, y)));
  ctx.stroke();
}

function ring(ctx: CanvasRenderingContext2D, [x, y]: Point, radius: number): void {
  ctx.beginPath();
  ctx.arc(x, y, radius, 0, 2 * Math.PI);
}

/** The part of a path between two fractions of its length (by vertex index, as timestamps run). */
function subPath(points: readonly Point[], from: number, to: number): Point[] {
  const n = points.length - 1;
  const at = (f: number): Point => {
    const i = Math.min(n - 1, Math.floor(f * n));
    const u = f * n - i;
    const a = points[i]!;
    const b = points[i + 1]!;
    return [a[0] + (b[0] - a[0]) * u, a[1] + (b[1] - a[1]) * u];
  };
  const out: Point[] = [at(from)];
  for (let i = Math.ceil(from * n); i < to * n; i++) out.push(points[i]!);
  out.push(at(to));
  return out;
}

/** A travelling head: the path flown in the last HEAD_TRAIL_DAYS before `t`. */
function drawHead(ctx: CanvasRenderingContext2D, points: readonly Point[], launch: number, t: number, color: Rgb): void {
  const to = Math.min(1, (t - launch) / FLIGHT_DAYS);
  const from = Math.max(0, (t - HEAD_TRAIL_DAYS - launch) / FLIGHT_DAYS);
  if (to <= 0 || from >= 1 || to <= from) return;
  const gradientEnd = points.length > 1 ? subPath(points, from, to) : [];
  if (gradientEnd.length < 2) return;
  ctx.strokeStyle = rgba(color, 1);
  ctx.lineWidth = 5;
  ctx.lineCap = 'round';
  strokePath(ctx, gradientEnd);
}

function drawPulse(ctx: CanvasRenderingContext2D, at: Point, impact: number, t: number, color: Rgb): void {
  const age = (t - impact) / PULSE_DAYS;
  if (age < 0 || age > 1) return;
  ring(ctx, at, 8 + 16 * age);
  ctx.strokeStyle = rgba(color, (200 / 255) * (1 - age));
  ctx.lineWidth = 2;
  ctx.stroke();
}

export interface SceneOptions {
  view: CanvasView;
  /** Hovered or selected incident (highlighted). */
  highlightId: string | null;
}

/** Draws the layers of `state` over whatever the canvas holds (the basemap). */
export function drawScene(ctx: CanvasRenderingContext2D, projection: GeoProjection, state: MapState, options: SceneOptions): DrawnScene {
  const scene: DrawnScene = { incidentArcs: [], impacts: [], importedArcs: [], dots: [], density: [] };
  const window = visibleWindow(state);
  const project = (p: LonLat): Point => projection(p) as Point;
  const t = state.playing ? state.playhead : null;
  ctx.save();
  ctx.lineJoin = 'round';
  ctx.lineCap = 'round';

  // Imported points: dots up to DENSITY_MIN_ROWS, else the density image counted on the CPU.
  for (const columns of state.eventColumns) {
    if (columns.arcCount === columns.length) continue;
    if (drawnAsDensity(columns)) {
      drawDensity(ctx, projection, columns, state, window, options.view, scene);
      continue;
    }
    const mask = typeMask(columns, state.eventTypes, matchOf(columns, state.eventMatches));
    const [from, to] = dayRangeIndices(columns, window.range[0], window.range[1] + 1e-6);
    for (let i = from; i < to; i++) {
      if (!mask[i]) continue;
      const alpha = fade(columns.day[i]!, window);
      if (alpha <= 0) continue;
      const at = project([columns.lon[i]!, columns.lat[i]!]);
      ctx.fillStyle = rgba(EVENT_COLOR, (170 / 255) * alpha);
      ctx.beginPath();
      ctx.arc(at[0], at[1], 2.5, 0, 2 * Math.PI);
      ctx.fill();
      scene.dots.push({ datasetId: columns.datasetId, row: i, at });
    }
  }

  // Imported arcs of the window.
  const detail = arcDetail(options.view.zoom);
  for (const columns of state.eventColumns) {
    if (columns.arcCount === 0) continue;
    const arcs = arcRowsOf(columns);
    const shown = shownTypes(columns, state.eventTypes);
    const match = matchOf(columns, state.eventMatches);
    const alpha = arcAlpha(columns.arcCount) / 255;
    ctx.lineWidth = columns.arcCount > 1000 ? 1.25 : 1.75;
    const [lo, hi] = arcsBetween(arcs, window.range[0], window.range[1]);
    for (let k = lo; k < hi; k++) {
      const row = arcs.rows[k]!;
      if (!shown[columns.eventType[row]!] || (match && !match[row])) continue;
      const [from, to] = arcEnds(arcs, k);
      const points = arcPathOf(arcs, k, segmentsFor(from, to, detail)).map(project);
      ctx.strokeStyle = rgba(KIND_COLORS[arcs.kinds[columns.eventType[row]!] ?? 'other-strike'], alpha * fade(arcs.day[k]!, window));
      strokePath(ctx, points);
      scene.importedArcs.push({ datasetId: columns.datasetId, row, points });
    }
  }

  // Target rings.
  for (const halo of state.halos) {
    ring(ctx, project(halo.at), halo.radiusPx);
    ctx.fillStyle = 'rgba(30, 30, 30, 0.07)';
    ctx.fill();
    ctx.strokeStyle = 'rgba(30, 30, 30, 0.47)';
    ctx.lineWidth = 1;
    ctx.stroke();
  }

  // The incidents: highlight underneath, then arcs, then impacts.
  const glyph = options.highlightId ? state.glyphs.byId.get(options.highlightId) : undefined;
  if (glyph && 'path' in glyph) {
    ctx.strokeStyle = 'rgba(255, 214, 10, 0.86)';
    ctx.lineWidth = 10;
    strokePath(ctx, glyph.path.map(project));
  }
  const visibleArcs: { arc: ArcGlyph; points: Point[] }[] = [];
  for (const arc of state.glyphs.arcs) {
    const alpha = state.visibleIds.has(arc.incident.id) ? fade(arc.impact, window) : 0;
    if (alpha <= 0) continue;
    const style = STATUS_STYLE[arc.incident.status];
    const points = arc.path.map(project);
    ctx.strokeStyle = rgba(KIND_COLORS[arc.incident.kind], (style.alpha / 255) * alpha);
    ctx.lineWidth = Math.max(1.5, style.width);
    ctx.setLineDash(screenDash({ dash: style.dash, width: ctx.lineWidth }));
    strokePath(ctx, points);
    ctx.setLineDash([]);
    visibleArcs.push({ arc, points });
    scene.incidentArcs.push({ id: arc.incident.id, points });
  }
  for (const impact of state.glyphs.impacts) {
    const alpha = state.visibleIds.has(impact.incident.id) ? fade(impact.impact, window) : 0;
    if (alpha <= 0) continue;
    const at = project(impact.at);
    const { kind, status } = impact.incident;
    ring(ctx, at, 5);
    ctx.fillStyle = rgba(KIND_COLORS[kind], ((status === 'confirmed' ? 230 : 40) / 255) * alpha);
    ctx.fill();
    ctx.strokeStyle = rgba(KIND_COLORS[kind], (STATUS_STYLE[status].alpha / 255) * alpha);
    ctx.lineWidth = 2;
    ctx.stroke();
    scene.impacts.push({ id: impact.incident.id, at });
  }
  if (glyph && !('path' in glyph)) {
    ring(ctx, project(glyph.at), 10);
    ctx.strokeStyle = 'rgba(255, 214, 10, 1)';
    ctx.lineWidth = 4;
    ctx.stroke();
  }
  drawEventHighlight(ctx, state, project, options.view);

  // Playback: heads in flight and pulses at impact.
  if (t !== null) {
    for (const { arc, points } of visibleArcs) drawHead(ctx, points, arc.launch, t, KIND_COLORS[arc.incident.kind]);
    for (const p of state.glyphs.pulses)
      if (state.visibleIds.has(p.id) && p.impact >= state.range[0] && p.impact < state.range[1]) drawPulse(ctx, project(p.at), p.impact, t, KIND_COLORS[p.kind]);
    for (const columns of state.eventColumns) {
      if (columns.arcCount === 0) continue;
      const arcs = arcRowsOf(columns);
      const { heads, pulses } = arcsInFlight(arcs, shownTypes(columns, state.eventTypes), t, state.range, { trail: HEAD_TRAIL_DAYS, pulse: PULSE_DAYS }, matchOf(columns, state.eventMatches));
      const colorOf = (k: number) => KIND_COLORS[arcs.kinds[columns.eventType[arcs.rows[k]!]!] ?? 'other-strike'];
      for (const k of heads) drawHead(ctx, arcPathOf(arcs, k).map(project), arcs.day[k]! - FLIGHT_DAYS, t, colorOf(k));
      for (const k of pulses) drawPulse(ctx, project(arcEnds(arcs, k)[1]), arcs.day[k]!, t, colorOf(k));
    }
  }
  ctx.restore();
  return scene;
}

function drawEventHighlight(ctx: CanvasRenderingContext2D, state: MapState, project: (p: LonLat) => Point, view: CanvasView): void {
  const h = state.eventHighlight;
  const columns = h ? state.eventColumns.find((c) => c.datasetId === h.datasetId) : undefined;
  if (!h || !columns) return;
  const origin = columns.originLon?.[h.row];
  if (origin !== undefined && !Number.isNaN(origin)) {
    const arcs = arcRowsOf(columns);
    const k = arcs.rows.indexOf(h.row);
    if (k < 0) return;
    const [from, to] = arcEnds(arcs, k);
    ctx.strokeStyle = 'rgba(255, 214, 10, 0.86)';
    ctx.lineWidth = 8;
    strokePath(ctx, arcPathOf(arcs, k, segmentsFor(from, to, arcDetail(view.zoom))).map(project));
    return;
  }
  ring(ctx, project([columns.lon[h.row]!, columns.lat[h.row]!]), 8);
  ctx.strokeStyle = 'rgba(255, 214, 10, 1)';
  ctx.lineWidth = 3;
  ctx.stroke();
}

/** The density images made into canvases, once each. */
const tiles = new WeakMap<ImageData, HTMLCanvasElement>();

/** The density image of a large dataset, counted over the view, laid on the map in Mercator. */
function drawDensity(
  ctx: CanvasRenderingContext2D,
  projection: GeoProjection,
  columns: EventColumns,
  state: MapState,
  window: { range: [number, number]; softRange: [number, number] },
  view: CanvasView,
  scene: DrawnScene,
): void {
  const [west, south] = projection.invert!([0, view.height])!;
  const [east, north] = projection.invert!([view.width, 0])!;
  const area = state.densityArea ?? densityAreaFor({ west, south, east, north }, view.zoom);
  const { grid, image } = densityImage(columns, area, window, state.eventTypes, matchOf(columns, state.eventMatches));
  let tile = tiles.get(image);
  if (!tile) {
    tile = document.createElement('canvas');
    tile.width = area.width;
    tile.height = area.height;
    tile.getContext('2d')!.putImageData(image, 0, 0);
    tiles.set(image, tile);
  }
  const [w, s, e, n] = areaBounds(area);
  const a = projection([w, n])!;
  const b = projection([e, s])!;
  ctx.imageSmoothingEnabled = false;
  ctx.drawImage(tile, a[0], a[1], b[0] - a[0], b[1] - a[1]);
  ctx.imageSmoothingEnabled = true;
  scene.density.push({ columns, grid });
}

/** What is under a screen point: an incident, an imported event (arc, dot or density cell), or nothing. */
export function pickScene(
  scene: DrawnScene,
  projection: GeoProjection,
  [x, y]: Point,
  radius: number,
): { kind: 'incident'; id: string } | { kind: 'event'; datasetId: string; row: number } | null {
  const near = (p: Point, r = radius) => Math.hypot(p[0] - x, p[1] - y) <= r;
  for (let i = scene.impacts.length - 1; i >= 0; i--) if (near(scene.impacts[i]!.at, radius + 5)) return { kind: 'incident', id: scene.impacts[i]!.id };
  for (let i = scene.incidentArcs.length - 1; i >= 0; i--) if (nearPath(scene.incidentArcs[i]!.points, x, y, radius)) return { kind: 'incident', id: scene.incidentArcs[i]!.id };
  for (let i = scene.importedArcs.length - 1; i >= 0; i--) {
    const a = scene.importedArcs[i]!;
    if (nearPath(a.points, x, y, radius)) return { kind: 'event', datasetId: a.datasetId, row: a.row };
  }
  for (let i = scene.dots.length - 1; i >= 0; i--) {
    const d = scene.dots[i]!;
    if (near(d.at, radius + 2.5)) return { kind: 'event', datasetId: d.datasetId, row: d.row };
  }
  const [lon, lat] = projection.invert!([x, y])!;
  for (const { columns, grid } of [...scene.density].reverse()) {
    const row = rowAt(grid, lon, lat);
    if (row >= 0) return { kind: 'event', datasetId: columns.datasetId, row };
  }
  return null;
}

function nearPath(points: readonly Point[], x: number, y: number, radius: number): boolean {
  for (let i = 1; i < points.length; i++) {
    const [ax, ay] = points[i - 1]!;
    const [bx, by] = points[i]!;
    const dx = bx - ax;
    const dy = by - ay;
    const length2 = dx * dx + dy * dy;
    const u = length2 === 0 ? 0 : Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / length2));
    if (Math.hypot(ax + u * dx - x, ay + u * dy - y) <= radius) return true;
  }
  return false;
}
