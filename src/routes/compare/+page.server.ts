import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { atlas } from '$lib/server/db';
import { parseCompareParam, resolveSlugs, comparePlaces, MAX_COMPARE } from '$lib/server/queries/compare';
import { allPlaces } from '$lib/server/queries/places';

export const load: PageServerLoad = ({ url }) => {
	const parsed = parseCompareParam(url.searchParams);
	if (!parsed.ok) error(400, { message: parsed.message });
	const { db } = atlas();
	if (parsed.slugs.length === 0) {
		// No places yet: offer the busiest ones as a start.
		const busiest = allPlaces(db).sort((a, b) => b.n - a.n || a.slug.localeCompare(b.slug)).slice(0, 12);
		return { comparison: null, busiest, max: MAX_COMPARE };
	}
	const { found, unknown } = resolveSlugs(db, parsed.slugs);
	if (unknown.length) {
		const replaced = (bad: string, good: string) => parsed.slugs.map((s) => (s === bad ? good : s)).join(',');
		error(404, {
			message: `No place ${unknown.map((u) => `"${u.slug}"`).join(', ')} in the atlas; compare takes place slugs such as wa-seattle.`,
			suggestions: unknown.flatMap((u) => u.suggestions.map((s) => ({ href: `/compare?places=${replaced(u.slug, s.slug)}`, label: `${s.label} instead of "${u.slug}"` })))
		});
	}
	return { comparison: comparePlaces(db, found), busiest: [], max: MAX_COMPARE };
};
