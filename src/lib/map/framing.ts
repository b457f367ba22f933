/**
 * Where the camera should look: the points that frame each incident (an arc's ends and the
 * top of its curve, or an impact), the bounds of a set of them, and the densest cluster of
 * incidents ("the theatre") that the opening view frames. Pure: the map applies the result.
 */
import type { IncidentGlyphs } from './incident-glyphs';
import type { LonLat } from './incident-geometry';

/** [west, south, east, north] in degrees. */
export type Bounds = [number, number, number, number];

/** An incident as the camera sees it: when it lands and the points that must be in view. */
export interface FramedIncident {
  id: string;
  moment: number;
  targetId: string;
  points: LonLat[];
}

/** Zoom the camera never goes past when it frames incidents (one place would fill the screen). */
export const FRAME_MAX_ZOOM = 9;
/** How far from its centre the opening view's cluster of incidents may reach. */
export const THEATRE_RADIUS_KM = 90;

/** Every incident's framing points, sorted by moment (built once per dataset read). */
export function framedIncidents(glyphs: IncidentGlyphs): FramedIncident[] {
  const out: FramedIncident[] = [];
  for (const arc of glyphs.arcs) {
    const path = arc.path;
    out.push({ id: arc.incident.id, moment: arc.impact, targetId: arc.incident.targetId, points: [path[0]!, path[path.length >> 1]!, path[path.length - 1]!] });
  }
  for (const impact of glyphs.impacts) out.push({ id: impact.incident.id, moment: impact.impact, targetId: impact.incident.targetId, points: [impact.at] });
  return out.sort((a, b) => a.moment - b.moment);
}

export function boundsOf(points: Iterable<LonLat>): Bounds | null {
  let west = Infinity;
  let south = Infinity;
  let east = -Infinity;
  let north = -Infinity;
  for (const [lon, lat] of points) {
    if (!Number.isFinite(lon) || !Number.isFinite(lat)) continue;
    if (lon < west) west = lon;
    if (lon > east) east = lon;
    if (lat < south) south = lat;
    if (lat > north) north = lat;
  }
  return west <= east ? [west, south, east, north] : null;
}

export function boundsOfIncidents(items: Iterable<FramedIncident>): Bounds | null {
  function* points() {
    for (const item of items) yield* item.points;
  }
  return boundsOf(points());
}

/** Distance in km, equirectangular: exact enough at the scale of a theatre. */
export function distanceKm(a: LonLat, b: LonLat): number {
  const rad = Math.PI / 180;
  const x = (b[0] - a[0]) * Math.cos(((a[1] + b[1]) / 2) * rad);
  const y = b[1] - a[1];
  return Math.sqrt(x * x + y * y) * rad * 6371;
}

/** Candidate centres tried by `theatreBounds`: the most hit targets, at most this many. */
const MAX_CENTRES = 200;

/**
 * The bounds of the densest cluster: the incidents lying wholly within `radiusKm` of the
 * target where incidents are densest (each incident counts for 1 at the centre, less
 * further out, nothing beyond the radius). Incidents far from it are left out: the view
 * shows them with edge markers.
 */
export function theatreBounds(items: readonly FramedIncident[], radiusKm = THEATRE_RADIUS_KM): Bounds | null {
  if (items.length === 0) return null;
  const byTarget = new Map<string, { at: LonLat; count: number }>();
  for (const item of items) {
    const entry = byTarget.get(item.targetId);
    if (entry) entry.count++;
    else byTarget.set(item.targetId, { at: item.points[item.points.length - 1]!, count: 1 });
  }
  const centres = [...byTarget.values()].sort((a, b) => b.count - a.count).slice(0, MAX_CENTRES);
  let best: { at: LonLat; score: number } | null = null;
  for (const centre of centres) {
    let score = 0;
    for (const item of items) {
      const d = distanceKm(centre.at, item.points[item.points.length - 1]!);
      if (d < radiusKm) score += 1 - d / radiusKm;
    }
    if (!best || score > best.score) best = { at: centre.at, score };
  }
  const members = items.filter((item) => item.points.every((p) => distanceKm(best!.at, p) <= radiusKm));
  return boundsOfIncidents(members.length > 0 ? members : items);
}

/** Incidents whose moment lies in [from, to], from a list sorted by moment (binary search). */
export function incidentsBetween(items: readonly FramedIncident[], from: number, to: number): FramedIncident[] {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid]!.moment < from) lo = mid + 1;
    else hi = mid;
  }
  const out: FramedIncident[] = [];
  for (let i = lo; i < items.length && items[i]!.moment <= to; i++) out.push(items[i]!);
  return out;
}

/**
 * What covers the map: panels over its left and right edges, and the legend in the corner
 * at its foot, on the side given, measured to the map's edges (CSS pixels; a folded legend
 * counts as nothing).
 */
export interface MapCover {
  left: number;
  right: number;
  /** Height covered at the map's foot (the bottom sheet of phones and tablets). */
  bottom?: number;
  legend: { width: number; height: number; side: 'left' | 'right' };
}

export const NO_COVER: MapCover = { left: 0, right: 0, legend: { width: 0, height: 0, side: 'right' } };

export interface Insets {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/**
 * Room kept clear around framed incidents: the date over the map's top, the scale bar at
 * its foot, the edge markers at its sides, and whatever panel covers a side. Smaller on a
 * small map, so that the framed area keeps most of it. The open legend sits in a corner:
 * the incidents keep clear of it either above it or beside it, and both are offered
 * (the caller keeps the one that lets the camera come closer).
 */
export function framePaddings(width: number, height: number, cover: MapCover = NO_COVER): Insets[] {
  const side = Math.min(56, width * 0.08);
  const base: Insets = {
    top: Math.round(Math.min(92, height * 0.16)),
    bottom: Math.round((cover.bottom ?? 0) + Math.min(56, height * 0.1)),
    left: Math.round(cover.left + side),
    right: Math.round(cover.right + side),
  };
  const { legend } = cover;
  if (legend.width <= 0 || legend.height <= 0) return [base];
  const above: Insets = { ...base, bottom: Math.round(Math.max(base.bottom, Math.min(legend.height + 12, height / 3))) };
  const beside: Insets = { ...base, [legend.side]: Math.round(Math.max(base[legend.side], Math.min(legend.width + 12, width / 2))) };
  return [above, beside];
}
