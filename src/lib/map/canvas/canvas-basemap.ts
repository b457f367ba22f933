/**
 * The offline basemap drawn on a 2D canvas (no WebGL): the same GeoJSON files and colours
 * as the MapLibre style (basemap-style.ts), through d3-geo's path renderer. Land, the
 * focus governorates, lakes, coasts, governorate lines, rivers, borders, then country and
 * city labels in both scripts (the browser's 2D text shapes Arabic), placed after the
 * app's own places so that these win a collision.
 */
import type { GeoPath, GeoProjection } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { BASEMAP_COLORS as C, BASEMAP_FILES } from '../basemap-data';
import { drawLabel, type LabelBoxes } from './canvas-labels';
import { canvasPath } from './canvas-view';

type Props = Record<string, unknown>;
export type BasemapData = Record<keyof typeof BASEMAP_FILES, FeatureCollection<Geometry, Props>>;

/** Reads the basemap files from this origin (the same files the MapLibre style uses). */
export async function loadBasemap(baseUrl: string): Promise<BasemapData> {
  const entries = await Promise.all(
    Object.entries(BASEMAP_FILES).map(async ([key, file]) => {
      const response = await fetch(new URL(file, baseUrl));
      if (!response.ok) throw new Error(`${file}: HTTP ${response.status}`);
      return [key, (await response.json()) as FeatureCollection<Geometry, Props>] as const;
    }),
  );
  return Object.fromEntries(entries) as BasemapData;
}

/** A line width that grows with the zoom between two stops, as the style's `interpolate`. */
const byZoom = (zoom: number, z0: number, w0: number, z1: number, w1: number) => w0 + (w1 - w0) * Math.max(0, Math.min(1, (zoom - z0) / (z1 - z0)));

function fill(ctx: CanvasRenderingContext2D, path: GeoPath, features: readonly Feature[], color: string): void {
  ctx.beginPath();
  for (const f of features) path(f);
  ctx.fillStyle = color;
  ctx.fill('evenodd');
}

function stroke(ctx: CanvasRenderingContext2D, path: GeoPath, features: readonly Feature[], color: string, width: number, dash: number[] = []): void {
  ctx.beginPath();
  for (const f of features) path(f);
  ctx.strokeStyle = color;
  ctx.lineWidth = width;
  ctx.setLineDash(dash);
  ctx.stroke();
  ctx.setLineDash([]);
}

/** Draws the basemap's shapes, under everything else. */
export function drawBasemapShapes(ctx: CanvasRenderingContext2D, projection: GeoProjection, data: BasemapData, size: { width: number; height: number; zoom: number }): void {
  const path = canvasPath(projection, ctx);
  const { zoom } = size;
  ctx.fillStyle = C.sea;
  ctx.fillRect(0, 0, size.width, size.height);
  ctx.lineJoin = 'round';
  ctx.lineCap = 'round';
  fill(ctx, path, data.world.features, C.land);
  fill(ctx, path, data.countries.features, C.land);
  fill(ctx, path, data.governorates.features, C.focusLand);
  fill(ctx, path, data.lakes.features, C.sea);
  const borders = data.borders.features;
  stroke(ctx, path, borders.filter((f) => f.properties?.['kind'] === 'coast'), C.coast, byZoom(zoom, 4, 0.5, 8, 1));
  stroke(ctx, path, data.governorateLines.features, C.governorateBorder, byZoom(zoom, 4, 0.5, 9, 1.4), [3, 2]);
  const rivers = data.rivers.features.filter((f) => f.properties?.['label'] !== true);
  for (const rank of [3, 2, 1]) {
    const width = rank === 1 ? byZoom(zoom, 4, 1, 10, 3.5) : rank === 2 ? byZoom(zoom, 4, 0.7, 10, 2.2) : byZoom(zoom, 4, 0.4, 10, 1.2);
    stroke(ctx, path, rivers.filter((f) => (Number(f.properties?.['rank']) || 3) === rank), C.river, width);
  }
  const countryBorders = borders.filter((f) => f.properties?.['kind'] === 'country');
  ctx.globalAlpha = 0.8;
  stroke(ctx, path, countryBorders, C.countryBorderCasing, byZoom(zoom, 4, 2.5, 8, 5));
  ctx.globalAlpha = 1;
  stroke(ctx, path, countryBorders, C.countryBorder, byZoom(zoom, 4, 0.9, 8, 1.6));

}

/** Country and city labels, where no label placed before them (`boxes`) is. */
export function drawBasemapLabels(ctx: CanvasRenderingContext2D, projection: GeoProjection, data: BasemapData, zoom: number, lang: 'en' | 'ar', boxes: LabelBoxes): void {
  // Countries, then cities by rank (more of them as the zoom grows).
  const labels = data.labels.features.filter((f) => f.properties?.['class'] === 'country');
  for (const f of labels) {
    const at = projection(pointOf(f));
    if (at) drawLabel(ctx, boxes, at, names(f.properties, lang), { size: 13, color: C.textSecondary, anchor: 'center' });
  }
  const maxRank = zoom < 5.5 ? 1 : zoom < 7 ? 2 : 4;
  for (const f of data.places.features) {
    const rank = Number(f.properties?.['rank']) || 4;
    if (rank > maxRank) continue;
    const at = projection(pointOf(f));
    if (!at) continue;
    if (drawLabel(ctx, boxes, at, names(f.properties, lang), { size: 11, color: C.text, anchor: 'right-of-dot' })) {
      ctx.beginPath();
      ctx.arc(at[0], at[1], 2.5, 0, 2 * Math.PI);
      ctx.fillStyle = C.cityDot;
      ctx.fill();
    }
  }
}

function names(props: Props | null, lang: 'en' | 'ar'): [string, string] {
  const en = String(props?.['name_en'] ?? '');
  const ar = String(props?.['name_ar'] ?? '');
  return lang === 'ar' ? [ar, en] : [en, ar];
}

function pointOf(f: Feature<Geometry, Props>): [number, number] {
  return f.geometry.type === 'Point' ? (f.geometry.coordinates as [number, number]) : [NaN, NaN];
}
