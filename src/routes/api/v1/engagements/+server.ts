import type { RequestHandler } from './$types';
import { parseFilters } from '$lib/filters';
import { atlas } from '$lib/server/db';
import { listEngagements, countEngagements } from '$lib/server/queries/engagements';
import { badRequest, cachedJson } from '$lib/server/api';

const MAX_LIMIT = 1000;

export const GET: RequestHandler = ({ url, request }) => {
	const parsed = parseFilters(url.searchParams, ['limit', 'offset']);
	if (!parsed.ok) return badRequest(parsed.errors);
	const num = (name: string, def: number, min: number, max: number) => {
		const v = url.searchParams.get(name);
		if (v === null) return def;
		return /^\d{1,7}$/.test(v) && Number(v) >= min && Number(v) <= max ? Number(v) : NaN;
	};
	const limit = num('limit', 100, 1, MAX_LIMIT);
	if (Number.isNaN(limit)) return badRequest([{ parameter: 'limit', message: `expected a whole number from 1 to ${MAX_LIMIT}` }]);
	const offset = num('offset', 0, 0, 10_000_000);
	if (Number.isNaN(offset)) return badRequest([{ parameter: 'offset', message: 'expected a whole number, 0 or more' }]);
	const { db, version, licence } = atlas();
	const total = countEngagements(db, parsed.filters);
	return cachedJson(request, version, {
		meta: { total, limit, offset, filter: parsed.filters, version, licence },
		data: listEngagements(db, parsed.filters, { limit, offset })
	});
};
