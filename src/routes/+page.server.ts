import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { parseFilters } from '$lib/filters';
import { atlas } from '$lib/server/db';
import { listEngagements } from '$lib/server/queries/engagements';
import { stats } from '$lib/server/queries/stats';
import { placesForMap } from '$lib/server/queries/places';

const PAGE_SIZE = 50;

export const load: PageServerLoad = ({ url }) => {
	const parsed = parseFilters(url.searchParams, ['page']);
	if (!parsed.ok) {
		error(400, { message: parsed.errors.map((e) => `${e.parameter}: ${e.message}`).join('; ') });
	}
	const pageParam = url.searchParams.get('page') ?? '1';
	if (!/^\d{1,6}$/.test(pageParam) || Number(pageParam) < 1) error(400, { message: `page: expected a page number, got "${pageParam.slice(0, 20)}"` });
	const pageNo = Number(pageParam);
	const { db, version } = atlas();
	const f = parsed.filters;
	const s = stats(db, f);
	return {
		filters: f,
		stats: s,
		pageNo,
		pageSize: PAGE_SIZE,
		list: listEngagements(db, f, { limit: PAGE_SIZE, offset: (pageNo - 1) * PAGE_SIZE }),
		places: placesForMap(db, f),
		version
	};
};
