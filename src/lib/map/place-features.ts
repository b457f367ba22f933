/**
 * Places as GeoJSON for MapLibre: points with both names (MapLibre shapes the Arabic),
 * and each place's location uncertainty as a circle of its radius (Turf).
 */
import circle from '@turf/circle';
import type { Feature, FeatureCollection, Point, Polygon } from 'geojson';
import type { StoredPlace } from '../data/db';

export interface PlaceProperties {
  id: string;
  name_en: string;
  name_ar: string;
  kind: StoredPlace['kind'];
  estimated: boolean;
}

/**
 * A Latin name as the second line of an Arabic-first label. MapLibre lays such a label out
 * right to left and mirrors the brackets of the Latin line ("Green Village )MSS(" ), so
 * there the bracketed part becomes a dash clause.
 */
export function latinNameForArabicLabel(name: string): string {
  return name.replace(/\s*\(([^)]*)\)/g, ' – $1').trim();
}

export function placeFeatures(places: Iterable<StoredPlace>, lang: 'en' | 'ar' = 'en'): FeatureCollection<Point, PlaceProperties> {
  const features: Feature<Point, PlaceProperties>[] = [];
  for (const p of places) {
    features.push({
      type: 'Feature',
      id: p.id,
      geometry: { type: 'Point', coordinates: [p.lon, p.lat] },
      properties: { id: p.id, name_en: lang === 'ar' ? latinNameForArabicLabel(p.name.en) : p.name.en, name_ar: p.name.ar, kind: p.kind, estimated: p.estimated },
    });
  }
  return { type: 'FeatureCollection', features };
}

export function uncertaintyCircles(places: Iterable<StoredPlace>): FeatureCollection<Polygon, { id: string; estimated: boolean; radiusKm: number }> {
  const features: Feature<Polygon, { id: string; estimated: boolean; radiusKm: number }>[] = [];
  for (const p of places) {
    if (!(p.uncertaintyKm > 0)) continue;
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
