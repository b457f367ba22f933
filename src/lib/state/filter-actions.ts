/** Changing the facet filters and the search. */
import { toggleFilter, type FilterField } from '../analysis/incident-filters';
import { filterState } from './filter-state.svelte';

export function toggleFilterValue(field: FilterField, value: string): void {
  filterState.filters = toggleFilter(filterState.filters, field, value);
}

export function clearFilters(): void {
  filterState.filters = {};
  filterState.query = '';
  filterState.eventTypes = [];
}

export function toggleEventType(type: string): void {
  const current = filterState.eventTypes;
  filterState.eventTypes = current.includes(type) ? current.filter((t) => t !== type) : [...current, type];
}

export function setQuery(query: string): void {
  filterState.query = query;
}
