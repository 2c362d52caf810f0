import type { RequestHandler } from './$types';
import { atlas } from '$lib/server/db';
import { allPlaces } from '$lib/server/queries/places';
import { badRequest, cachedJson } from '$lib/server/api';

export const GET: RequestHandler = ({ url, request }) => {
	const unknown = [...url.searchParams.keys()];
	if (unknown.length) return badRequest(unknown.map((k) => ({ parameter: k, message: `unknown parameter "${k}"`, allowed: [] })));
	const { db, version, licence } = atlas();
	return cachedJson(request, version, { meta: { version, licence }, data: allPlaces(db) });
};
