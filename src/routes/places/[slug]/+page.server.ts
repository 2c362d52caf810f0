import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { atlas } from '$lib/server/db';
import { placeBySlug, allPlaces, placesOfState, partnerPointsOfPlace } from '$lib/server/queries/places';
import { engagementsOfPlace } from '$lib/server/queries/engagements';
import { profileOf, ofPlace } from '$lib/server/queries/profile';
import { findPeers, findNearby, parseKm, DEFAULT_KM, MAX_KM } from '$lib/server/queries/peers';
import { suggestClosest } from '$lib/suggest';

export const load: PageServerLoad = ({ params, url }) => {
	const { db } = atlas();
	const place = placeBySlug(db, params.slug);
	if (!place) {
		const all = allPlaces(db);
		const close = suggestClosest(params.slug, all, (p) => p.slug, (p) => p.label);
		error(404, {
			message: `No place "${params.slug.slice(0, 80)}" in the atlas.`,
			suggestions: close.map((p) => ({ href: `/places/${p.slug}`, label: p.label }))
		});
	}
	const km = parseKm(url.searchParams.get('km'));
	if (!km.ok) error(400, { message: km.message });
	return {
		place,
		engagements: engagementsOfPlace(db, place.id),
		profile: profileOf(db, ofPlace(place.id)),
		partners: partnerPointsOfPlace(db, place.id),
		children: place.kind === 'state' ? placesOfState(db, place.stateCode) : [],
		peers: findPeers(db, place.slug)!,
		nearby: findNearby(db, place.slug, { km: km.km })!,
		km: km.km,
		kmDefault: DEFAULT_KM,
		kmMax: MAX_KM
	};
};
