/**
 * The ring around each target that grows with the number of incidents in the current
 * selection that hit it. Recomputed when the selection changes, not during playback.
 */
import type { StoredIncident, StoredPlace } from '../data/db';
import type { LonLat } from './incident-geometry';

export interface TargetHalo {
  placeId: string;
  at: LonLat;
  count: number;
  radiusPx: number;
}

/** Ring radius in pixels: area grows with the count. */
export function haloRadius(count: number): number {
  return 7 + 5 * Math.sqrt(count);
}

export function targetHalos(incidents: readonly StoredIncident[], places: ReadonlyMap<string, StoredPlace>): TargetHalo[] {
  const counts = new Map<string, number>();
  for (const incident of incidents) counts.set(incident.targetId, (counts.get(incident.targetId) ?? 0) + 1);
  const halos: TargetHalo[] = [];
  for (const [placeId, count] of counts) {
    const place = places.get(placeId);
    if (place) halos.push({ placeId, at: [place.lon, place.lat], count, radiusPx: haloRadius(count) });
  }
  // Largest first, so smaller rings are drawn on top and stay visible.
  return halos.sort((a, b) => b.count - a.count);
}
