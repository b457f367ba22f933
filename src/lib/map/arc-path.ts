/**
 * The curve an arc follows on the map: a quadratic Bézier bulging to the left of its
 * direction of flight, so fire and return fire between two places bend apart, and
 * several incidents between the same two places fan out with growing curvature.
 */
import type { LonLat } from './incident-geometry';

export const ARC_SEGMENTS = 24;

/** Curvature of the k-th arc (0-based) between the same two places, in the same direction. */
export function fanCurvature(k: number): number {
  return Math.min(0.18 + 0.1 * k, 0.9);
}

export function arcPath(from: LonLat, to: LonLat, curvature: number, segments = ARC_SEGMENTS): LonLat[] {
  // Work in a local frame where a degree of longitude is as long as a degree of latitude.
  const k = Math.cos((((from[1] + to[1]) / 2) * Math.PI) / 180);
  const dx = (to[0] - from[0]) * k;
  const dy = to[1] - from[1];
  const mx = (from[0] + to[0]) / 2;
  const my = (from[1] + to[1]) / 2;
  // Left-hand normal of the direction of flight, scaled by the distance.
  const cx = mx + (-dy * curvature) / k;
  const cy = my + dx * curvature;
  const points: LonLat[] = [];
  for (let i = 0; i <= segments; i++) {
    const t = i / segments;
    const a = (1 - t) * (1 - t);
    const b = 2 * (1 - t) * t;
    const c = t * t;
    points.push([a * from[0] + b * cx + c * to[0], a * from[1] + b * cy + c * to[1]]);
  }
  return points;
}
