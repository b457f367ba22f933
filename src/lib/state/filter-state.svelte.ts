/** What the analyst narrowed the incidents to, besides dates: facet filters and a search. */
import type { Filters } from '../analysis/incident-filters';

class FilterState {
  filters = $state.raw<Filters>({});
  query = $state('');
  /** Event types of imported events to show (ACLED event_type); empty shows all. */
  eventTypes = $state.raw<string[]>([]);
}

export const filterState = new FilterState();
