import type { ParamMatcher } from '@sveltejs/kit';

/** The explorer map's fixed point lists: /map/places.json and /map/partners.json. */
export const match: ParamMatcher = (p) => p === 'places.json' || p === 'partners.json';
