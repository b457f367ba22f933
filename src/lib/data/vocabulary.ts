/**
 * The closed lists of the data model: kinds of place and incident, date precisions,
 * weapons, statuses. Kept apart from the zod schema (schema.ts) so the interface can
 * use them without loading the validator, which only seeding and imports need.
 */
export const placeKinds = ['base', 'launch-area', 'strike-area', 'field', 'city', 'town', 'region'] as const;

export const incidentKinds = [
  'attack-on-coalition', // an attack on a US or coalition base
  'coalition-strike', // a US or coalition strike
  'other-strike', // a strike by another party (Israel, unknown gunmen...)
  'claimed-attack', // an attack known only from a claim
  'context', // not an attack: a deployment, an assassination told as background
] as const;
export type IncidentKind = (typeof incidentKinds)[number];

export const datePrecisions = ['exact', 'weekday', 'approximate-day', 'month'] as const;

export const originCertainties = ['reported', 'attributed', 'suspected'] as const;

export const weapons = ['rockets', 'mortar', 'drone', 'artillery', 'airstrike', 'explosive-charges', 'unknown', 'none'] as const;
export type Weapon = (typeof weapons)[number];

export const statuses = ['confirmed', 'reported', 'claimed', 'disputed', 'denied'] as const;
export type Status = (typeof statuses)[number];

const KIND_WORDS: [RegExp, IncidentKind][] = [
  [/coalition|\bus\b|u\.s\.|american|centcom|retaliat|التحالف|أمريكي|امريكي/i, 'coalition-strike'],
  [/attack|هجوم|استهداف/i, 'attack-on-coalition'],
];

/**
 * The kind an imported event type names: a key of the vocabulary ("coalition-strike",
 * "Attack on coalition"), else words that say it ("US strike", "هجوم"); other text: other-strike.
 */
export function kindFromText(text: string): IncidentKind {
  const key = text.trim().toLowerCase().replace(/[\s_]+/g, '-');
  if ((incidentKinds as readonly string[]).includes(key)) return key as IncidentKind;
  for (const [pattern, kind] of KIND_WORDS) if (pattern.test(text)) return kind;
  return 'other-strike';
}
