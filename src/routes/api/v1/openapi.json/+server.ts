/** /api/v1/openapi.json: the OpenAPI 3.1 description of the API. */
import type { RequestHandler } from './$types';
import { atlas } from '$lib/server/db';
import { openapi } from '$lib/server/openapi';
import { badRequest, cachedJson, onlyParams, preflight } from '$lib/server/api';

export const GET: RequestHandler = ({ url, request }) => {
	const errors = onlyParams(url.searchParams, []);
	if (errors.length) return badRequest(errors);
	const { version } = atlas();
	return cachedJson(request, version, openapi(version));
};

export const OPTIONS: RequestHandler = () => preflight();
