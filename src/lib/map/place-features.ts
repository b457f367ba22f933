/**
 * Places as GeoJSON for MapLibre: points with both names (MapLibre shapes the Arabic),
 * and each place's location uncertainty as a circle of its radius (Turf).
 */
import circle from '@turf/circle';
import type { Feature, FeatureCollection, Point, Polygon } from 'geojson';
import type { ArcPlace, DatasetRecord, StoredPlace } from '../data/db';

export interface PlaceProperties {
  id: string;
  name_en: string;
  name_ar: string;
  kind: StoredPlace['kind'];
  estimated: boolean;
  /** Whether an incident of the selection involves the place: others are drawn quieter. */
  active: boolean;
  /** Label priority, lowest first (MapLibre's symbol-sort-key): see `labelRank`. */
  rank: number;
}

/** What the selection does at each place: how many incidents hit it, and which places it involves at all. */
export interface PlaceRoles {
  targetCounts: ReadonlyMap<string, number>;
  involved: ReadonlySet<string>;
}

const NO_ROLES: PlaceRoles = { targetCounts: new Map(), involved: new Set() };

/**
 * Which labels win when they collide: the targets of the selection first (the most hit
 * first), then launch areas and other places it involves, then the rest, bases first.
 */
export function labelRank(place: StoredPlace, roles: PlaceRoles): number {
  const hits = roles.targetCounts.get(place.id) ?? 0;
  if (hits > 0) return 1000 - Math.min(hits, 999);
  if (roles.involved.has(place.id)) return place.kind === 'launch-area' ? 2000 : 3000;
  return place.kind === 'base' ? 4000 : 5000;
}

/**
 * A Latin name as the second line of an Arabic-first label. MapLibre lays such a label out
 * right to left and mirrors the brackets of the Latin line ("Green Village )MSS(" ), so
 * there the bracketed part becomes a dash clause.
 */
export function latinNameForArabicLabel(name: string): string {
  return name.replace(/\s*\(([^)]*)\)/g, ' – $1').trim();
}

export function placeFeatures(places: Iterable<StoredPlace>, lang: 'en' | 'ar' = 'en', roles: PlaceRoles = NO_ROLES): FeatureCollection<Point, PlaceProperties> {
  const features: Feature<Point, PlaceProperties>[] = [];
  const anyRole = roles.involved.size > 0;
  for (const p of places) {
    features.push({
      type: 'Feature',
      id: p.id,
      geometry: { type: 'Point', coordinates: [p.lon, p.lat] },
      properties: {
        id: p.id,
        name_en: lang === 'ar' ? latinNameForArabicLabel(p.name.en) : p.name.en,
        name_ar: p.name.ar,
        kind: p.kind,
        estimated: p.estimated,
        active: !anyRole || roles.involved.has(p.id),
        rank: labelRank(p, roles),
      },
    });
  }
  return { type: 'FeatureCollection', features };
}

/** Ids of the labels of imported arcs' named places: not places of the app's data (nothing to open). */
export const ARC_PLACE_PREFIX = 'arcplace:';

/** An imported name this close (degrees) to a place the app labels already is that place's. */
const SAME_PLACE_DEGREES = 0.02;

/**
 * The named ends of imported arcs of the visible datasets, as labels after the selection's
 * places (the most used first). A gazetteer place the map shows, or a name at a place the
 * map labels already, is not labelled twice; a coordinate without a name was never kept.
 */
export function arcPlaceFeatures(datasets: readonly DatasetRecord[], lang: 'en' | 'ar', labelled: ReadonlyMap<string, { lon: number; lat: number }>): Feature<Point, PlaceProperties>[] {
  const features: Feature<Point, PlaceProperties>[] = [];
  const near = (p: ArcPlace) => {
    for (const q of labelled.values()) if (Math.abs(q.lon - p.lon) < SAME_PLACE_DEGREES && Math.abs(q.lat - p.lat) < SAME_PLACE_DEGREES) return true;
    return false;
  };
  for (const d of datasets) {
    if (!d.visible) continue;
    (d.arcPlaces ?? []).forEach((p: ArcPlace, n) => {
      if ((p.placeId && labelled.has(p.placeId)) || near(p)) return;
      const id = `${ARC_PLACE_PREFIX}${d.id}:${n}`;
      features.push({
        type: 'Feature',
        id,
        geometry: { type: 'Point', coordinates: [p.lon, p.lat] },
        properties: {
          id,
          // A file's own name is one text: written once, in the label's first line.
          name_en: p.name.en === p.name.ar && lang === 'ar' ? '' : lang === 'ar' ? latinNameForArabicLabel(p.name.en) : p.name.en,
          name_ar: p.name.en === p.name.ar && lang === 'en' ? '' : p.name.ar,
          kind: p.role === 'target' ? 'strike-area' : 'launch-area',
          estimated: false,
          active: true,
          rank: 2500 - Math.min(p.arcs, 499),
        },
      });
    });
  }
  return features;
}

/**
 * Location uncertainty, drawn only where it matters: for the places the selection involves
 * (`placeIds`), or for the one place hovered or selected. Places with no radius get none.
 */
export function uncertaintyCircles(places: Iterable<StoredPlace>, placeIds?: ReadonlySet<string>): FeatureCollection<Polygon, { id: string; estimated: boolean; radiusKm: number }> {
  const features: Feature<Polygon, { id: string; estimated: boolean; radiusKm: number }>[] = [];
  for (const p of places) {
    if (!(p.uncertaintyKm > 0) || (placeIds && !placeIds.has(p.id))) continue;
    const shape = circle([p.lon, p.lat], p.uncertaintyKm, { steps: 64, units: 'kilometers' });
    features.push({ type: 'Feature', geometry: shape.geometry, properties: { id: p.id, estimated: p.estimated, radiusKm: p.uncertaintyKm } });
  }
  // Largest first so small circles stay on top.
  features.sort((a, b) => b.properties.radiusKm - a.properties.radiusKm);
  return { type: 'FeatureCollection', features };
}

/** One ring per weapon range around a place, labelled with the weapon and distance. */
export function rangeRingFeatures(
  center: { lon: number; lat: number } | null,
  ranges: readonly { km: number; label: string }[],
): FeatureCollection<Polygon, { label: string; km: number }> {
  if (!center) return { type: 'FeatureCollection', features: [] };
  return {
    type: 'FeatureCollection',
    features: ranges.map((r) => ({
      type: 'Feature' as const,
      geometry: circle([center.lon, center.lat], r.km, { steps: 96, units: 'kilometers' }).geometry,
      properties: { label: r.label, km: r.km },
    })),
  };
}
