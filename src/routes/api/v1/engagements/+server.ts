/**
 * /api/v1/engagements: the filters of DESIGN.md in JSON (paged by cursor), CSV (the data format, every row) or
 * GeoJSON (every row, geometry=place|partner|line). CSV and GeoJSON stream a chunk at a time, so an export of the
 * whole dataset runs in steady memory.
 */
import type { RequestHandler } from './$types';
import type { ParamError } from '$lib/filters';
import { serializeFilters } from '$lib/filters';
import { atlas } from '$lib/server/db';
import { engagementsAfter, countMatching } from '$lib/server/queries/export';
import {
	apiResponse,
	badRequest,
	choice,
	decodeCursor,
	encodeCursor,
	notModified,
	notModifiedResponse,
	parseRequest,
	preflight,
	provenance,
	single,
	wholeNumber,
	DEFAULT_LIMIT,
	MAX_LIMIT,
	ENGAGEMENT_FORMATS,
	ENGAGEMENT_PARAMS
} from '$lib/server/api';
import { GEOMETRIES } from '$lib/server/export/geojson';
import { csvStream, geojsonStream } from '$lib/server/export/stream';


export const GET: RequestHandler = ({ url, request }) => {
	const p = url.searchParams;
	const { filters, errors } = parseRequest(p, ENGAGEMENT_PARAMS);
	const format = choice(p, 'format', ENGAGEMENT_FORMATS, 'json', errors);
	const paged = format === 'json';
	const geometry = choice(p, 'geometry', GEOMETRIES, 'place', errors);
	const limit = wholeNumber(p, 'limit', DEFAULT_LIMIT, 1, MAX_LIMIT, errors);
	const cursorText = single(p, 'cursor', errors);
	const after = cursorText === null ? null : decodeCursor(cursorText);
	if (cursorText !== null && after === null) errors.push({ parameter: 'cursor', message: 'not a cursor given by this API (use meta.next_cursor of the previous page)' });
	const misplaced: [string, boolean][] = [
		['limit', !paged],
		['cursor', !paged],
		['geometry', format !== 'geojson']
	];
	for (const [name, wrong] of misplaced) {
		if (wrong && p.has(name)) {
			errors.push({ parameter: name, message: `${name} does not apply to format=${format}`, allowed: name === 'geometry' ? ['format=geojson'] : ['format=json'] } satisfies ParamError);
		}
	}
	if (errors.length || !filters) return badRequest(errors);

	const opened = atlas();
	const { db, version } = opened;
	if (format === 'csv') return notModified(request, version) ? notModifiedResponse(version) : csvStream(opened, filters);
	if (format === 'geojson') return notModified(request, version) ? notModifiedResponse(version) : geojsonStream(opened, filters, geometry);

	return apiResponse(request, url, version, () => {
		const total = countMatching(db, filters);
		// One row more than asked tells whether a next page exists without a second query.
		const rows = engagementsAfter(db, filters, after, limit + 1);
		const more = rows.length > limit;
		const data = more ? rows.slice(0, limit) : rows;
		const nextCursor = more ? encodeCursor(data[data.length - 1].id) : null;
		const next = new URLSearchParams(serializeFilters(filters));
		if (limit !== DEFAULT_LIMIT) next.set('limit', String(limit));
		if (nextCursor) next.set('cursor', nextCursor);
		return {
			meta: {
				total,
				count: data.length,
				limit,
				order: 'id',
				next_cursor: nextCursor,
				next: nextCursor ? `${url.pathname}?${next}` : null,
				filter: filters,
				...provenance(opened)
			},
			data
		};
	});
};

export const OPTIONS: RequestHandler = () => preflight();
