/**
 * Faceted filters over incidents: each field's selected values (none selected = all),
 * a free-text search, and for every value the number of incidents it would show given
 * the other filters. Pure functions over in-memory incidents.
 */
import type { StoredIncident, StoredPlace } from '../data/db';
import { matchesQuery, normalizeText } from './normalize-text';

export const FILTER_FIELDS = ['kind', 'weapon', 'status', 'target', 'origin', 'actor', 'outlet', 'dataset'] as const;
export type FilterField = (typeof FILTER_FIELDS)[number];
export type Filters = Partial<Record<FilterField, readonly string[]>>;

/** The value an incident has for "no origin reported". */
export const NO_ORIGIN = 'none';

export function valuesOf(incident: StoredIncident, field: FilterField): string[] {
  switch (field) {
    case 'kind':
      return [incident.kind];
    case 'weapon':
      return [incident.weapon];
    case 'status':
      return [incident.status];
    case 'target':
      return [incident.targetId];
    case 'origin':
      return [incident.originId ?? NO_ORIGIN];
    case 'actor':
      return [incident.actor.name];
    case 'outlet':
      return [...new Set(incident.sources.map((s) => s.outlet))];
    case 'dataset':
      return [incident.datasetId];
  }
}

export function matchesFilters(incident: StoredIncident, filters: Filters, except?: FilterField): boolean {
  for (const field of FILTER_FIELDS) {
    if (field === except) continue;
    const wanted = filters[field];
    if (!wanted || wanted.length === 0) continue;
    if (!valuesOf(incident, field).some((v) => wanted.includes(v))) return false;
  }
  return true;
}

/** For one field, how many incidents each value would show, given every other filter. */
export function facetCounts(incidents: readonly StoredIncident[], filters: Filters, field: FilterField): Map<string, number> {
  const counts = new Map<string, number>();
  for (const incident of incidents) {
    if (!matchesFilters(incident, filters, field)) continue;
    for (const value of valuesOf(incident, field)) counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  return counts;
}

export function hasFilters(filters: Filters): boolean {
  return FILTER_FIELDS.some((f) => (filters[f]?.length ?? 0) > 0);
}

/** Adds or removes one value of a field, returning new filters. */
export function toggleFilter(filters: Filters, field: FilterField, value: string): Filters {
  const current = filters[field] ?? [];
  const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
  return { ...filters, [field]: next };
}

/**
 * What search looks through for each incident: titles, summaries, Arabic quotes, actor,
 * weapon, outlets, and every spelling of the places it involves. Built once per dataset read.
 */
export function buildSearchIndex(incidents: readonly StoredIncident[], places: ReadonlyMap<string, StoredPlace>): Map<string, string> {
  const index = new Map<string, string>();
  for (const incident of incidents) {
    const placeIds = [incident.targetId, incident.originId, ...(incident.relatedPlaceIds ?? [])].filter((id): id is string => !!id);
    const placeText = placeIds.flatMap((id) => {
      const p = places.get(id);
      return p ? [p.name.en, p.name.ar, ...p.altNames] : [id];
    });
    const parts = [
      incident.title.en,
      incident.title.ar,
      incident.summaryEn,
      incident.actor.name,
      incident.weaponDetail,
      incident.casualties,
      incident.damage,
      ...incident.sources.flatMap((s) => [s.outlet, s.summaryEn, ...s.quoteAr]),
      ...placeText,
    ];
    index.set(incident.id, normalizeText(parts.join(' \n ')));
  }
  return index;
}

export function matchesSearch(index: ReadonlyMap<string, string>, id: string, query: string): boolean {
  if (query.trim() === '') return true;
  const text = index.get(id);
  return text !== undefined && matchesQuery(text, query);
}
