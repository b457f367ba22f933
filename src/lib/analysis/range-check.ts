/**
 * Does a reported origin lie within reach of the reported weapon? A flag, not a verdict:
 * origins are often areas, so the check allows for both places' uncertainty radii.
 */
import type { Incident, Place } from '../data/schema';
import { arcLengthKm } from '../map/arc-length';
import { weaponRangeOf, type WeaponRange } from './weapon-ranges';

export interface RangeCheck {
  distanceKm: number;
  range: WeaponRange;
  /** Distance minus both places' uncertainty radii: the shortest the flight could have been. */
  minimumKm: number;
  beyondRange: boolean;
}

export function checkRange(
  incident: Pick<Incident, 'weapon' | 'calibreMm' | 'weaponDetail'>,
  origin: Pick<Place, 'lon' | 'lat' | 'uncertaintyKm'> | undefined,
  target: Pick<Place, 'lon' | 'lat' | 'uncertaintyKm'> | undefined,
): RangeCheck | null {
  const range = weaponRangeOf(incident);
  if (!range || !origin || !target) return null;
  const distanceKm = arcLengthKm(origin, target);
  const minimumKm = Math.max(0, distanceKm - origin.uncertaintyKm - target.uncertaintyKm);
  return { distanceKm, range, minimumKm, beyondRange: minimumKm > range.km };
}
