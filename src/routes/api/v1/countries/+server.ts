/** /api/v1/countries: partner countries with the number of engagements matching the filters. */
import type { RequestHandler } from './$types';
import { atlas } from '$lib/server/db';
import { countriesFor } from '$lib/server/queries/countries';
import { badRequest, cachedJson, notModified, notModifiedResponse, parseRequest, preflight, provenance } from '$lib/server/api';

export const GET: RequestHandler = ({ url, request }) => {
	const { filters, errors } = parseRequest(url.searchParams, []);
	if (errors.length || !filters) return badRequest(errors);
	const opened = atlas();
	if (notModified(request, opened.version)) return notModifiedResponse(opened.version);
	const data = countriesFor(opened.db, filters);
	return cachedJson(request, opened.version, { meta: { total: data.length, filter: filters, ...provenance(opened) }, data });
};

export const OPTIONS: RequestHandler = () => preflight();
