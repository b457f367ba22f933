/**
 * Maximum ranges of the weapons named in the data, for range rings and for checking a
 * reported origin. Figures are the commonly published maximum ranges of the standard
 * munition; real launches are often shorter. Each carries its source.
 */
import type { Incident } from '../data/schema';

export interface WeaponRange {
  id: string;
  label: { en: string; ar: string };
  km: number;
  source: string;
}

export const WEAPON_RANGES: Record<string, WeaponRange> = {
  'rocket-107': {
    id: 'rocket-107',
    label: { en: '107 mm rocket', ar: 'صاروخ 107 ملم' },
    km: 8.5,
    source: 'Type 63 107 mm rocket: about 8.5 km maximum (Jane\'s Ammunition Handbook; CAR field reports from Syria and Iraq cite 8 km)',
  },
  'rocket-122': {
    id: 'rocket-122',
    label: { en: '122 mm Grad rocket', ar: 'صاروخ غراد 122 ملم' },
    km: 20.4,
    source: 'BM-21 Grad, 9M22U 122 mm rocket: 20.4 km maximum (manufacturer data as given in Jane\'s Land Warfare Platforms)',
  },
  'mortar-120': {
    id: 'mortar-120',
    label: { en: '120 mm mortar', ar: 'هاون 120 ملم' },
    km: 7.2,
    source: '120 mm heavy mortar (M120 / 2B11): about 7.2 km maximum with standard rounds (US Army FM 3-22.90; Jane\'s)',
  },
  'mortar-82': {
    id: 'mortar-82',
    label: { en: '81/82 mm mortar', ar: 'هاون 81/82 ملم' },
    km: 4.1,
    source: '82 mm mortar (2B14 Podnos): about 4.1 km maximum (Jane\'s Infantry Weapons)',
  },
};

/**
 * The range that applies to an incident's weapon, or null when the weapon has no short
 * fixed range (drones, aircraft) or the report does not say enough to pick one.
 * Unspecified mortars take the 120 mm figure: the longest common mortar, so a flag
 * raised against it is a conservative one.
 */
export function weaponRangeOf(incident: Pick<Incident, 'weapon' | 'calibreMm' | 'weaponDetail'>): WeaponRange | null {
  const detail = incident.weaponDetail.toLowerCase();
  if (incident.weapon === 'rockets') {
    if (incident.calibreMm === 107 || /\b107\b/.test(detail)) return WEAPON_RANGES['rocket-107']!;
    if (incident.calibreMm === 122 || /\b122\b|grad|غراد/.test(detail)) return WEAPON_RANGES['rocket-122']!;
    return null;
  }
  if (incident.weapon === 'mortar') {
    if (incident.calibreMm === 81 || incident.calibreMm === 82) return WEAPON_RANGES['mortar-82']!;
    return WEAPON_RANGES['mortar-120']!;
  }
  return null;
}
