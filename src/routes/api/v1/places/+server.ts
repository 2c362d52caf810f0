/** /api/v1/places: every U.S. place with at least one engagement matching the filters, with that count. */
import type { RequestHandler } from './$types';
import { atlas } from '$lib/server/db';
import { placesForMap } from '$lib/server/queries/places';
import { apiResponse, badRequest, choice, parseRequest, preflight, provenance, PLACE_FORMATS } from '$lib/server/api';

export const GET: RequestHandler = ({ url, request }) => {
	const { filters, errors } = parseRequest(url.searchParams, ['format']);
	const format = choice(url.searchParams, 'format', PLACE_FORMATS, 'json', errors);
	if (errors.length || !filters) return badRequest(errors);
	const opened = atlas();
	const list = () => {
		const data = placesForMap(opened.db, filters).map((p) => ({ slug: p.slug, label: p.label, kind: p.kind, state: p.stateCode, lat: p.lat, lon: p.lon, n: p.n }));
		return { meta: { total: data.length, filter: filters, ...provenance(opened) }, data };
	};
	if (format === 'geojson') {
		return apiResponse(
			request,
			url,
			opened.version,
			() => {
				const { meta, data } = list();
				return { type: 'FeatureCollection', meta, features: data.map((p) => ({ type: 'Feature', id: p.slug, geometry: { type: 'Point', coordinates: [p.lon, p.lat] }, properties: p })) };
			},
			'application/geo+json; charset=utf-8'
		);
	}
	return apiResponse(request, url, opened.version, list);
};

export const OPTIONS: RequestHandler = () => preflight();
