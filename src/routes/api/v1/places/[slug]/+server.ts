/** /api/v1/places/[slug]: one U.S. place, its counts and every engagement it takes part in (lead or participant). */
import type { RequestHandler } from './$types';
import { atlas } from '$lib/server/db';
import { placeBySlug, allPlaces } from '$lib/server/queries/places';
import { chunksOf } from '$lib/server/queries/export';
import { involvesPlace } from '$lib/server/queries/where';
import { apiResponse, badRequest, notFound, onlyParams, preflight, provenance } from '$lib/server/api';
import { emptyFilters } from '$lib/filters';
import { suggest } from '$lib/suggest';

export const GET: RequestHandler = ({ url, params, request }) => {
	const errors = onlyParams(url.searchParams, []);
	if (errors.length) return badRequest(errors);
	const opened = atlas();
	const { db } = opened;
	const p = placeBySlug(db, params.slug);
	if (!p) {
		const close = suggest(params.slug, allPlaces(db), (x) => x.slug, (x) => x.label);
		return notFound(`no place "${params.slug.slice(0, 80)}" in the atlas`, {
			suggestions: close.map((x) => ({ slug: x.slug, label: x.label, href: `/api/v1/places/${x.slug}` }))
		});
	}
	return apiResponse(request, url, opened.version, () => {
		const engagements = [...chunksOf(db, emptyFilters(), 1000, involvesPlace(p.id))].flat();
		const byType: Record<string, number> = {};
		for (const x of engagements) byType[x.type] = (byType[x.type] ?? 0) + 1;
		return {
			meta: { total: engagements.length, ...provenance(opened) },
			place: {
				slug: p.slug,
				name: p.name,
				label: p.label,
				kind: p.kind,
				state: p.stateCode,
				census_region: p.censusRegion,
				fips: p.fips,
				geonames_id: p.geonamesId,
				lat: p.lat,
				lon: p.lon,
				population: p.population,
				office: p.officeName || p.officeUrl ? { name: p.officeName, url: p.officeUrl, staff: p.officeStaff, source_url: p.officeSourceUrl } : null
			},
			by_type: byType,
			engagements
		};
	});
};

export const OPTIONS: RequestHandler = () => preflight();
