/** /api/v1/places: every U.S. place with at least one engagement matching the filters, with that count. */
import type { RequestHandler } from './$types';
import { atlas } from '$lib/server/db';
import { placesForMap } from '$lib/server/queries/places';
import { badRequest, cachedJson, cacheHeaders, choice, notModified, notModifiedResponse, parseRequest, preflight, provenance, PLACE_FORMATS } from '$lib/server/api';

export const GET: RequestHandler = ({ url, request }) => {
	const { filters, errors } = parseRequest(url.searchParams, ['format']);
	const format = choice(url.searchParams, 'format', PLACE_FORMATS, 'json', errors);
	if (errors.length || !filters) return badRequest(errors);
	const opened = atlas();
	if (notModified(request, opened.version)) return notModifiedResponse(opened.version);
	const data = placesForMap(opened.db, filters).map((p) => ({ slug: p.slug, label: p.label, kind: p.kind, state: p.stateCode, lat: p.lat, lon: p.lon, n: p.n }));
	const meta = { total: data.length, filter: filters, ...provenance(opened) };
	if (format === 'geojson') {
		const body = {
			type: 'FeatureCollection',
			meta,
			features: data.map((p) => ({ type: 'Feature', id: p.slug, geometry: { type: 'Point', coordinates: [p.lon, p.lat] }, properties: p }))
		};
		return new Response(JSON.stringify(body), { headers: { ...cacheHeaders(opened.version), 'Content-Type': 'application/geo+json; charset=utf-8' } });
	}
	return cachedJson(request, opened.version, { meta, data });
};

export const OPTIONS: RequestHandler = () => preflight();
