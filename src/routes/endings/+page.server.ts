import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { atlas } from '$lib/server/db';
import { endingsPage } from '$lib/server/queries/endings';
import { parseFilters, serializeFilters, describeParamErrors } from '$lib/filters';

// A read-only list with nothing to interact with: sending it as plain HTML halves the page (no serialised data,
// no hydration script).
export const csr = false;

/** The explorer's filters narrow the list (e.g. ?country=RU); a bad one gets a 400 naming it, as in the explorer. */
export const load: PageServerLoad = ({ url }) => {
	const parsed = parseFilters(url.searchParams);
	if (!parsed.ok) error(400, { message: describeParamErrors(parsed.errors) });
	return { ...endingsPage(atlas().db, parsed.filters), filters: parsed.filters, query: serializeFilters(parsed.filters).toString() };
};
