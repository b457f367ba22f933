/**
 * The ring around each target that grows with the number of incidents in the current
 * selection that hit it. Recomputed when the selection changes, not during playback.
 */
import type { DatasetRecord, StoredIncident, StoredPlace } from '../data/db';
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

/**
 * One ring per named target of imported arcs (visible datasets), growing slowly with its
 * arcs: thousands of arcs to one base make one ring, not a field of them. Unnamed
 * coordinates get none.
 */
export function arcPlaceHalos(datasets: readonly DatasetRecord[]): TargetHalo[] {
  const halos: TargetHalo[] = [];
  for (const d of datasets) {
    if (!d.visible) continue;
    (d.arcPlaces ?? []).forEach((p, n) => {
      if (p.role !== 'target') return;
      halos.push({ placeId: `arcplace:${d.id}:${n}`, at: [p.lon, p.lat], count: p.arcs, radiusPx: 7 + 4 * Math.log2(1 + p.arcs) });
    });
  }
  return halos.sort((a, b) => b.count - a.count);
}
