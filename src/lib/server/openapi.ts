/**
 * The OpenAPI 3.1 description of /api/v1, served at /api/v1/openapi.json and rendered on /data. Enumerations are
 * taken from the taxonomy and the filter module, so the description cannot fall behind the vocabulary; tests
 * (tests/api.e2e.ts) send every documented parameter and check every response against these schemas.
 */
import { TYPE_IDS, ISSUE_IDS, STATUS_IDS, PLACE_KINDS, PARTNER_KINDS, SOURCE_KINDS, VERIFICATIONS, WORLD_REGION_NAMES, CENSUS_REGIONS, FAMILIES, DATE_PRECISIONS } from '$lib/taxonomy';
import { STATES } from '$lib/states';
import { MAX_Q_LENGTH, MIN_YEAR, MAX_YEAR } from '$lib/filters';
import { DEFAULT_LIMIT, MAX_LIMIT, ENGAGEMENT_FORMATS, PLACE_FORMATS, LICENCE_URL, encodeCursor } from './api';
import { GEOMETRIES } from './export/geojson';

type Schema = Record<string, unknown>;

const str: Schema = { type: 'string' };
const nstr: Schema = { type: ['string', 'null'] };
const int: Schema = { type: 'integer' };
const nint: Schema = { type: ['integer', 'null'] };
const num: Schema = { type: 'number' };
const nnum: Schema = { type: ['number', 'null'] };
const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });
const obj = (properties: Record<string, Schema>, required = Object.keys(properties), extra = false): Schema => ({ type: 'object', properties, required, additionalProperties: extra });
const arr = (items: Schema): Schema => ({ type: 'array', items });
const counts = (key: Schema, more: Record<string, Schema> = {}) => arr(obj({ key, n: int, ...more }));

/** A comma-separated list parameter; `example` is a value the test sends and the server must accept. */
function listParam(name: string, description: string, values: readonly string[], example: string) {
	return { name, in: 'query', required: false, description: `${description} Comma-separated, or repeat the parameter.`, schema: { type: 'string' }, 'x-values': values, example };
}

const filterParams = [
	listParam('type', 'Engagement types.', TYPE_IDS, 'sister_relationship,office_abroad'),
	listParam('issue', 'Issue areas (any of them).', ISSUE_IDS, 'climate_environment'),
	{ name: 'country', in: 'query', required: false, description: 'Partner countries, ISO 3166-1 alpha-2 (any case). Comma-separated.', schema: { type: 'string', pattern: '^[A-Za-z]{2}(,[A-Za-z]{2})*$' }, example: 'JP,MX' },
	listParam('region', 'Partner world regions or subregions, as world-countries names them.', WORLD_REGION_NAMES, 'Europe'),
	listParam('state', 'U.S. states of the lead place, USPS codes.', STATES.map((s) => s.code), 'WA,CA'),
	listParam('census', 'Census regions of the lead place.', CENSUS_REGIONS, 'West'),
	listParam('kind', 'Kind of the lead place.', PLACE_KINDS, 'city'),
	listParam('status', 'Statuses.', STATUS_IDS, 'active'),
	{ name: 'from', in: 'query', required: false, description: 'First start year, inclusive.', schema: { type: 'integer', minimum: MIN_YEAR, maximum: MAX_YEAR }, example: '1990' },
	{ name: 'to', in: 'query', required: false, description: 'Last start year, inclusive (not before from).', schema: { type: 'integer', minimum: MIN_YEAR, maximum: MAX_YEAR }, example: '2020' },
	{ name: 'q', in: 'query', required: false, description: `Free text over titles, summaries, places and partners (all words must match; the last may be a prefix). At most ${MAX_Q_LENGTH} characters.`, schema: { type: 'string', maxLength: MAX_Q_LENGTH }, example: 'kobe' }
];
const filterRefs = filterParams.map((p) => ({ $ref: `#/components/parameters/${p.name}` }));

const provenance = {
	dataset: obj({ version: str, built_at: str }),
	licence: str,
	licence_url: str,
	attribution: str,
	citation: str
};

const filterSchema = obj({
	type: arr({ type: 'string', enum: TYPE_IDS }),
	issue: arr({ type: 'string', enum: ISSUE_IDS }),
	country: arr(str),
	region: arr(str),
	state: arr(str),
	census: arr(str),
	kind: arr({ type: 'string', enum: PLACE_KINDS }),
	status: arr({ type: 'string', enum: STATUS_IDS }),
	from: nint,
	to: nint,
	q: str
});

const placeRef = obj({ slug: str, label: str, kind: { type: 'string', enum: PLACE_KINDS }, state: str, role: { type: 'string', enum: ['lead', 'participant'] }, lat: num, lon: num });

const engagement = obj({
	id: str,
	type: { type: 'string', enum: TYPE_IDS },
	family: { type: 'string', enum: FAMILIES.map((f) => f.id) },
	title: str,
	summary: nstr,
	start_date: nstr,
	start_precision: { type: ['string', 'null'], enum: [...DATE_PRECISIONS, null] },
	end_date: nstr,
	end_precision: { type: ['string', 'null'], enum: [...DATE_PRECISIONS, null] },
	status: { type: 'string', enum: STATUS_IDS },
	end_reason: nstr,
	group: nstr,
	issue_areas: arr({ type: 'string', enum: ISSUE_IDS }),
	lead_place: ref('PlaceRef'),
	places: arr(ref('PlaceRef')),
	partner: obj({ slug: str, kind: { type: 'string', enum: PARTNER_KINDS }, name: str, region: nstr, country: nstr, country_name: nstr, geonames_id: nint, network: nstr, lat: nnum, lon: nnum }),
	sources: arr(obj({ url: str, title: nstr, publisher: nstr, kind: { type: 'string', enum: SOURCE_KINDS }, verification: { type: 'string', enum: VERIFICATIONS }, as_of: nstr })),
	synthetic: { type: 'boolean' }
});

const geometry: Schema = { type: ['object', 'null'], properties: { type: { type: 'string', enum: ['Point', 'LineString', 'MultiLineString'] }, coordinates: { type: 'array' } }, required: ['type', 'coordinates'] };
const featureCollection = (props: Schema, meta: Schema) =>
	obj({ type: { type: 'string', enum: ['FeatureCollection'] }, meta, features: arr(obj({ type: { type: 'string', enum: ['Feature'] }, id: str, geometry, properties: props })) });

const placeListItem = obj({ slug: str, label: str, kind: { type: 'string', enum: PLACE_KINDS }, state: str, lat: num, lon: num, n: int });

const errorSchema = obj({ error: str, errors: arr(obj({ parameter: str, message: str, allowed: arr(str) }, ['parameter', 'message'])) });
const json = (schema: Schema) => ({ 'application/json': { schema } });
const standard = {
	'304': { description: 'Not modified: the If-None-Match header names the current ETag (dataset version).' },
	'400': { description: 'A bad parameter: the body names each one and the values allowed.', content: json(ref('Error')) }
};
const ok = (description: string, content: Record<string, unknown>) => ({ '200': { description, headers: { ETag: { schema: str }, 'Cache-Control': { schema: str } }, content }, ...standard });

export function openapi(version: string) {
	return {
		openapi: '3.1.0',
		info: {
			title: 'Diplomacy Atlas API',
			version: `1 (dataset ${version})`,
			description:
				'The international engagements of U.S. cities, counties and states, each with its sources. Every response carries the dataset version as ETag and may be cached publicly; a bad parameter gets HTTP 400 with a JSON body naming it. Unknown parameters are refused rather than ignored.',
			license: { name: 'Data: CC BY 4.0', url: LICENCE_URL }
		},
		servers: [{ url: '/' }],
		paths: {
			'/api/v1/engagements': {
				get: {
					summary: 'Engagements for a filter',
					description: `JSON is paged: up to \`limit\` records in id order, with \`meta.next_cursor\` for the next page (null on the last). CSV (the data format of the repository, re-importable with \`npm run import\`) and GeoJSON stream every matching record.`,
					parameters: [
						...filterRefs,
						{ name: 'format', in: 'query', required: false, schema: { type: 'string', enum: ENGAGEMENT_FORMATS, default: 'json' }, example: 'csv' },
						{ name: 'limit', in: 'query', required: false, description: 'Records per JSON page.', schema: { type: 'integer', minimum: 1, maximum: MAX_LIMIT, default: DEFAULT_LIMIT }, example: '10' },
						{ name: 'cursor', in: 'query', required: false, description: 'meta.next_cursor of the previous JSON page.', schema: { type: 'string' }, example: encodeCursor('m') },
						{ name: 'geometry', in: 'query', required: false, description: 'GeoJSON only: the U.S. place, the partner, or the great-circle line between them.', schema: { type: 'string', enum: GEOMETRIES, default: 'place' }, example: 'line', 'x-with': { format: 'geojson' } }
					],
					responses: ok('A page of engagements, or every one as CSV or GeoJSON.', {
						...json(ref('EngagementPage')),
						'text/csv': { schema: str },
						'application/geo+json': { schema: ref('EngagementFeatures') }
					})
				}
			},
			'/api/v1/stats': {
				get: { summary: 'Counts for a filter', description: 'Counts by type, status, start year, partner country, U.S. state and issue area.', parameters: filterRefs, responses: ok('Counts.', json(ref('Stats'))) }
			},
			'/api/v1/places': {
				get: {
					summary: 'U.S. places with matching engagements',
					parameters: [...filterRefs, { name: 'format', in: 'query', required: false, schema: { type: 'string', enum: PLACE_FORMATS, default: 'json' }, example: 'geojson' }],
					responses: ok('Places with the number of matching engagements each takes part in.', { ...json(ref('PlaceList')), 'application/geo+json': { schema: ref('PlaceFeatures') } })
				}
			},
			'/api/v1/places/{slug}': {
				get: {
					summary: 'One U.S. place with all its engagements',
					parameters: [{ name: 'slug', in: 'path', required: true, schema: str, example: 'wa-seattle' }],
					responses: { ...ok('The place.', json(ref('PlaceDetail'))), '404': { description: 'No such place; close matches are suggested.', content: json(ref('NotFound')) } }
				}
			},
			'/api/v1/countries': {
				get: { summary: 'Partner countries for a filter', parameters: filterRefs, responses: ok('Countries with counts.', json(ref('CountryList'))) }
			},
			'/api/v1/networks': {
				get: { summary: 'International networks', parameters: filterRefs, responses: ok('Every network with the number of matching engagements.', json(ref('NetworkList'))) }
			},
			'/api/v1/openapi.json': {
				get: { summary: 'This description', responses: { '200': { description: 'OpenAPI 3.1', content: json({ type: 'object' }) } } }
			}
		},
		components: {
			parameters: Object.fromEntries(filterParams.map((p) => [p.name, p])),
			schemas: {
				Error: errorSchema,
				NotFound: obj({ error: str, message: str, suggestions: arr(obj({ slug: str, label: str, href: str })) }),
				Filter: filterSchema,
				PlaceRef: placeRef,
				Engagement: engagement,
				EngagementPage: obj({
					meta: obj({ total: int, count: int, limit: int, order: { type: 'string', enum: ['id'] }, next_cursor: nstr, next: nstr, filter: ref('Filter'), ...provenance }),
					data: arr(ref('Engagement'))
				}),
				EngagementFeatures: featureCollection(ref('Engagement'), obj({ filter: ref('Filter'), geometry: { type: 'string', enum: GEOMETRIES }, ...provenance })),
				Stats: obj({
					meta: obj({ filter: ref('Filter'), ...provenance }),
					total: int,
					places: int,
					countries: int,
					byType: counts({ type: 'string', enum: TYPE_IDS }),
					byStatus: counts({ type: 'string', enum: STATUS_IDS }),
					byYear: counts(int),
					byCountry: counts(str, { name: str }),
					byState: counts(str),
					byIssue: counts({ type: 'string', enum: ISSUE_IDS }),
					byKind: counts({ type: 'string', enum: PLACE_KINDS }),
					byRegion: counts(nstr),
					bySubregion: counts(nstr)
				}),
				PlaceList: obj({ meta: obj({ total: int, filter: ref('Filter'), ...provenance }), data: arr(placeListItem) }),
				PlaceFeatures: featureCollection(placeListItem, obj({ total: int, filter: ref('Filter'), ...provenance })),
				PlaceDetail: obj({
					meta: obj({ total: int, ...provenance }),
					place: obj({
						slug: str,
						name: str,
						label: str,
						kind: { type: 'string', enum: PLACE_KINDS },
						state: str,
						census_region: str,
						fips: nstr,
						geonames_id: nint,
						lat: num,
						lon: num,
						population: nint,
						office: { type: ['object', 'null'], properties: { name: nstr, url: nstr, staff: nint, source_url: nstr }, required: ['name', 'url', 'staff', 'source_url'], additionalProperties: false }
					}),
					by_type: { type: 'object', additionalProperties: int },
					engagements: arr(ref('Engagement'))
				}),
				CountryList: obj({ meta: obj({ total: int, filter: ref('Filter'), ...provenance }), data: arr(obj({ iso2: str, iso3: str, name: str, region: str, subregion: str, lat: num, lon: num, n: int })) }),
				NetworkList: obj({
					meta: obj({ total: int, filter: ref('Filter'), ...provenance }),
					data: arr(obj({ slug: str, name: str, url: str, issue_areas: arr({ type: 'string', enum: ISSUE_IDS }), summary: nstr, founded: nint, n: int }))
				})
			}
		}
	};
}

export type OpenApi = ReturnType<typeof openapi>;
