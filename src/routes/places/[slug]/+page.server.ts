import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { atlas } from '$lib/server/db';
import { placeBySlug, allPlaces, placesOfState } from '$lib/server/queries/places';
import { engagementsOfPlace } from '$lib/server/queries/engagements';
import { suggest } from '$lib/suggest';

export const load: PageServerLoad = ({ params }) => {
	const { db } = atlas();
	const place = placeBySlug(db, params.slug);
	if (!place) {
		const all = allPlaces(db);
		const close = suggest(params.slug, all, (p) => p.slug, (p) => p.label);
		error(404, {
			message: `No place "${params.slug.slice(0, 80)}" in the atlas.`,
			suggestions: close.map((p) => ({ href: `/places/${p.slug}`, label: p.label }))
		});
	}
	const engagements = engagementsOfPlace(db, place.id);
	return {
		place,
		engagements,
		children: place.kind === 'state' ? placesOfState(db, place.stateCode) : []
	};
};
