/** Links from the pages back to the explorer with a matching filter, serialised by the one filter module. */
import { emptyFilters, filtersQuery, type Filters } from './filters';

export function explorerHref(partial: Partial<Filters>): string {
	return `/${filtersQuery({ ...emptyFilters(), ...partial })}`;
}
