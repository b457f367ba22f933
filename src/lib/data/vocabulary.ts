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
