/**
 * The atlas database. Built only by the import scripts (src/lib/import) and opened read-only by the web server.
 * Filter columns of the lead place and the partner are copied onto `engagements` so that every filter of the
 * explorer and the API is one indexed lookup rather than a join.
 */
import { sqliteTable, text, integer, real, index, primaryKey, uniqueIndex } from 'drizzle-orm/sqlite-core';

export const meta = sqliteTable('meta', {
	key: text('key').primaryKey(),
	value: text('value').notNull()
});

export const countries = sqliteTable('countries', {
	iso2: text('iso2').primaryKey(),
	iso3: text('iso3').notNull(),
	numeric: text('numeric').notNull(),
	name: text('name').notNull(),
	region: text('region').notNull(),
	subregion: text('subregion').notNull(),
	lat: real('lat').notNull(),
	lon: real('lon').notNull()
});

export const places = sqliteTable(
	'places',
	{
		id: integer('id').primaryKey(),
		/** Identity of the place in its gazetteer: `state:WA`, `county:53033`, `city:5809844`. */
		key: text('key').notNull(),
		slug: text('slug').notNull(),
		name: text('name').notNull(),
		/** "Seattle, WA", "King County, WA", "Washington". */
		label: text('label').notNull(),
		kind: text('kind', { enum: ['state', 'county', 'city'] }).notNull(),
		stateCode: text('state_code').notNull(),
		censusRegion: text('census_region').notNull(),
		fips: text('fips'),
		geonamesId: integer('geonames_id'),
		lat: real('lat').notNull(),
		lon: real('lon').notNull(),
		population: integer('population'),
		officeName: text('office_name'),
		officeUrl: text('office_url'),
		officeStaff: integer('office_staff'),
		officeSourceUrl: text('office_source_url')
	},
	(t) => [
		uniqueIndex('places_key').on(t.key),
		uniqueIndex('places_slug').on(t.slug),
		index('places_state').on(t.stateCode, t.kind)
	]
);

export const networks = sqliteTable(
	'networks',
	{
		id: integer('id').primaryKey(),
		slug: text('slug').notNull(),
		name: text('name').notNull(),
		url: text('url').notNull(),
		issueAreas: text('issue_areas').notNull().default(''),
		summary: text('summary'),
		founded: integer('founded')
	},
	(t) => [uniqueIndex('networks_slug').on(t.slug)]
);

export const partners = sqliteTable(
	'partners',
	{
		id: integer('id').primaryKey(),
		/** Identity: `city:1859171`, `region:JP.28`, `country:JP`, `network:c40`, `organisation:jp:name`. */
		key: text('key').notNull(),
		slug: text('slug').notNull(),
		kind: text('kind', { enum: ['city', 'region', 'country', 'network', 'organisation'] }).notNull(),
		name: text('name').notNull(),
		regionName: text('region_name'),
		country: text('country'),
		lat: real('lat'),
		lon: real('lon'),
		geonamesId: integer('geonames_id'),
		networkId: integer('network_id')
	},
	(t) => [uniqueIndex('partners_key').on(t.key), index('partners_country').on(t.country)]
);

export const engagements = sqliteTable(
	'engagements',
	{
		pk: integer('pk').primaryKey(),
		id: text('id').notNull(),
		type: text('type').notNull(),
		family: text('family').notNull(),
		title: text('title').notNull(),
		summary: text('summary'),
		startDate: text('start_date'),
		startPrecision: text('start_precision'),
		startYear: integer('start_year'),
		endDate: text('end_date'),
		endPrecision: text('end_precision'),
		endYear: integer('end_year'),
		status: text('status').notNull(),
		endReason: text('end_reason'),
		groupId: text('group_id'),
		leadPlaceId: integer('lead_place_id').notNull(),
		leadState: text('lead_state').notNull(),
		leadKind: text('lead_kind').notNull(),
		partnerId: integer('partner_id').notNull(),
		partnerKind: text('partner_kind').notNull(),
		partnerCountry: text('partner_country'),
		/** world-countries region of the partner's country ("Asia"); networks have none. */
		partnerWorldRegion: text('partner_world_region'),
		partnerSubregion: text('partner_subregion'),
		synthetic: integer('synthetic').notNull().default(0),
		sourceFile: text('source_file').notNull(),
		sourceLine: integer('source_line').notNull()
	},
	(t) => [
		uniqueIndex('engagements_id').on(t.id),
		index('engagements_type').on(t.type, t.startYear),
		index('engagements_status').on(t.status),
		index('engagements_start_year').on(t.startYear),
		index('engagements_lead_state').on(t.leadState, t.type),
		index('engagements_lead_kind').on(t.leadKind),
		index('engagements_lead_place').on(t.leadPlaceId),
		index('engagements_partner').on(t.partnerId),
		index('engagements_partner_country').on(t.partnerCountry, t.type),
		index('engagements_partner_region').on(t.partnerWorldRegion),
		index('engagements_group').on(t.groupId)
	]
);

export const engagementPlaces = sqliteTable(
	'engagement_places',
	{
		engagementPk: integer('engagement_pk').notNull(),
		placeId: integer('place_id').notNull(),
		role: text('role', { enum: ['lead', 'participant'] }).notNull()
	},
	(t) => [primaryKey({ columns: [t.engagementPk, t.placeId] }), index('engagement_places_place').on(t.placeId)]
);

export const engagementIssues = sqliteTable(
	'engagement_issues',
	{
		engagementPk: integer('engagement_pk').notNull(),
		issue: text('issue').notNull()
	},
	(t) => [primaryKey({ columns: [t.engagementPk, t.issue] }), index('engagement_issues_issue').on(t.issue, t.engagementPk)]
);

export const sources = sqliteTable(
	'sources',
	{
		engagementPk: integer('engagement_pk').notNull(),
		position: integer('position').notNull(),
		url: text('url').notNull(),
		title: text('title'),
		publisher: text('publisher'),
		kind: text('kind').notNull(),
		verification: text('verification').notNull(),
		asOf: text('as_of')
	},
	(t) => [primaryKey({ columns: [t.engagementPk, t.position] })]
);
