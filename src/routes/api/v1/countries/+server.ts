/** /api/v1/countries: partner countries with the number of engagements matching the filters. */
import type { RequestHandler } from './$types';
import { atlas } from '$lib/server/db';
import { countriesFor } from '$lib/server/queries/countries';
import { apiResponse, badRequest, parseRequest, preflight, provenance } from '$lib/server/api';

export const GET: RequestHandler = ({ url, request }) => {
	const { filters, errors } = parseRequest(url.searchParams, []);
	if (errors.length || !filters) return badRequest(errors);
	const opened = atlas();
	return apiResponse(request, url, opened.version, () => {
		const data = countriesFor(opened.db, filters);
		return { meta: { total: data.length, filter: filters, ...provenance(opened) }, data };
	});
};

export const OPTIONS: RequestHandler = () => preflight();
