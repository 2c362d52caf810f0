import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { parseFilters, describeParamErrors } from '$lib/filters';
import { atlas } from '$lib/server/db';
import { facets } from '$lib/server/queries/facets';
import { countMatching } from '$lib/server/queries/export';

export const load: PageServerLoad = ({ url }) => {
	const parsed = parseFilters(url.searchParams);
	if (!parsed.ok) error(400, { message: describeParamErrors(parsed.errors) });
	const { db, version } = atlas();
	return { filters: parsed.filters, version, placeCounts: facets(db).placeCounts(parsed.filters), total: countMatching(db, parsed.filters) };
};
