/** Great-circle length of an arc in km (Turf), for the details panel. */
import distance from '@turf/distance';
import type { StoredPlace } from '../data/db';

export function arcLengthKm(origin: Pick<StoredPlace, 'lon' | 'lat'>, target: Pick<StoredPlace, 'lon' | 'lat'>): number {
  return distance([origin.lon, origin.lat], [target.lon, target.lat], { units: 'kilometers' });
}
