/**
 * The app's places on a 2D canvas: location uncertainty (the selection's rings, the focused
 * place's shaded circle), each place's dot and its two-script label, the targets of the
 * selection placed first (the features' `rank`, as MapLibre's symbol-sort-key).
 */
import type { GeoProjection } from 'd3-geo';
import type { Feature, FeatureCollection, Point as GeoPoint, Polygon } from 'geojson';
import { BASEMAP_COLORS as C } from '../basemap-data';
import type { PlaceProperties } from '../place-features';
import { drawLabel, type LabelBoxes } from './canvas-labels';
import { canvasPath } from './canvas-view';

const UNCERTAINTY = 'rgba(107, 91, 149, ';

/** The selection's uncertainty rings and the focused place's circle. */
export function drawUncertainty(ctx: CanvasRenderingContext2D, projection: GeoProjection, zoom: number, circles: FeatureCollection<Polygon>, focus: FeatureCollection<Polygon>): void {
  const path = canvasPath(projection, ctx);
  if (zoom >= 6)
    for (const f of circles.features) {
      ctx.beginPath();
      path(f);
      ctx.strokeStyle = `${UNCERTAINTY}0.35)`;
      ctx.lineWidth = 1;
      ctx.setLineDash(f.properties?.['estimated'] ? [3, 2] : []);
      ctx.stroke();
    }
  for (const f of focus.features) {
    ctx.beginPath();
    path(f);
    ctx.fillStyle = `${UNCERTAINTY}0.1)`;
    ctx.fill('evenodd');
    ctx.strokeStyle = `${UNCERTAINTY}0.75)`;
    ctx.lineWidth = 1.5;
    ctx.setLineDash(f.properties?.['estimated'] ? [3, 2] : []);
    ctx.stroke();
  }
  ctx.setLineDash([]);
}

/** Dots and labels; returns each drawn place's screen point, for picking. */
export function drawPlaces(
  ctx: CanvasRenderingContext2D,
  projection: GeoProjection,
  features: readonly Feature<GeoPoint, PlaceProperties>[],
  lang: 'en' | 'ar',
  boxes: LabelBoxes,
): { id: string; at: [number, number] }[] {
  const drawn: { id: string; at: [number, number] }[] = [];
  const sorted = [...features].sort((a, b) => a.properties.rank - b.properties.rank);
  for (const f of sorted) {
    const at = projection(f.geometry.coordinates as [number, number]) as [number, number] | null;
    if (!at) continue;
    const p = f.properties;
    const base = p.kind === 'base';
    ctx.beginPath();
    ctx.arc(at[0], at[1], base ? 4.5 : 3.5, 0, 2 * Math.PI);
    ctx.fillStyle = p.active ? (base ? C.base : C.place) : '#9b968f';
    ctx.fill();
    ctx.strokeStyle = '#ffffff';
    ctx.lineWidth = 1.5;
    ctx.stroke();
    // The dot keeps every label clear of it.
    boxes.push({ x: at[0] - 5, y: at[1] - 5, w: 10, h: 10 });
    drawn.push({ id: p.id, at });
  }
  for (const f of sorted) {
    const at = projection(f.geometry.coordinates as [number, number]) as [number, number] | null;
    if (!at) continue;
    const p = f.properties;
    const names: [string, string] = lang === 'ar' ? [p.name_ar, p.name_en] : [p.name_en, p.name_ar];
    drawLabel(ctx, boxes, at, names, { size: p.kind === 'base' ? 13 : 12, bold: p.kind === 'base', color: p.active ? C.text : C.textSecondary, anchor: 'right-of-dot' });
  }
  return drawn;
}
