import type { RequestHandler } from './$types';
import { parseFilters } from '$lib/filters';
import { atlas } from '$lib/server/db';
import { stats } from '$lib/server/queries/stats';
import { badRequest, cachedJson } from '$lib/server/api';

export const GET: RequestHandler = ({ url, request }) => {
	const parsed = parseFilters(url.searchParams);
	if (!parsed.ok) return badRequest(parsed.errors);
	const { db, version, licence } = atlas();
	return cachedJson(request, version, { meta: { filter: parsed.filters, version, licence }, ...stats(db, parsed.filters) });
};
