/** /api/v1/stats: counts by type, status, year, partner country, state and issue area for a filter. */
import type { RequestHandler } from './$types';
import { atlas } from '$lib/server/db';
import { stats } from '$lib/server/queries/stats';
import { apiResponse, badRequest, parseRequest, preflight, provenance } from '$lib/server/api';

export const GET: RequestHandler = ({ url, request }) => {
	const { filters, errors } = parseRequest(url.searchParams, []);
	if (errors.length || !filters) return badRequest(errors);
	const opened = atlas();
	return apiResponse(request, url, opened.version, () => ({ meta: { filter: filters, ...provenance(opened) }, ...stats(opened.db, filters) }));
};

export const OPTIONS: RequestHandler = () => preflight();
