/** What the analyst narrowed the incidents to, besides dates: facet filters and a search. */
import type { Filters } from '../analysis/incident-filters';

class FilterState {
  filters = $state.raw<Filters>({});
  query = $state('');
}

export const filterState = new FilterState();
