/**
 * /map/places.json and /map/partners.json: the explorer map's fixed point lists for the current dataset. The
 * explorer asks for them with ?v=<version>; that URL never changes meaning, so browsers may keep it for good.
 */
import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { atlas } from '$lib/server/db';
import { mapPointSet } from '$lib/server/queries/map-points';

export const GET: RequestHandler = ({ params, url }) => {
	const { db, version } = atlas();
	const set = params.set === 'places.json' ? 'places' : 'partners';
	// Asked for this version: immutable. Asked for another (or none): the current list, revalidated each time;
	// its `version` field tells the explorer which counts it fits.
	const cache = url.searchParams.get('v') === version ? 'public, max-age=31536000, immutable' : 'no-cache';
	return json(mapPointSet(db, version, set), { headers: { 'Cache-Control': cache } });
};
