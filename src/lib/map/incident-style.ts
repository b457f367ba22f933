/**
 * How incidents look on the map: one colour per direction of fire. Saturated colours
 * that the calm basemap never uses, so they stay readable (and countable in tests).
 */
import type { IncidentKind } from '../data/schema';

export type Rgb = readonly [number, number, number];

export const KIND_COLORS: Record<IncidentKind, Rgb> = {
  'attack-on-coalition': [220, 38, 38], // red: fire at US and coalition bases
  'claimed-attack': [234, 88, 12], // orange: attacks known only from a claim
  'coalition-strike': [37, 99, 235], // blue: US and coalition strikes
  'other-strike': [147, 51, 234], // purple: Israeli and other strikes
  context: [100, 116, 139], // slate: context, not an attack
};

export const KIND_LABELS: Record<IncidentKind, string> = {
  'attack-on-coalition': 'Attack on a US or coalition base',
  'claimed-attack': 'Claimed attack',
  'coalition-strike': 'US or coalition strike',
  'other-strike': 'Other strike',
  context: 'Context',
};

export function rgbToHex([r, g, b]: Rgb): string {
  return `#${[r, g, b].map((c) => c.toString(16).padStart(2, '0')).join('')}`;
}
