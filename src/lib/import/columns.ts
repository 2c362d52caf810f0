/** The columns of the data format (data/README.md), with which are required in the header and their limits. */

export const ENGAGEMENT_COLUMNS = [
	'id',
	'place',
	'type',
	'partner_kind',
	'partner',
	'partner_region',
	'partner_country',
	'partner_geonames_id',
	'partner_lat',
	'partner_lon',
	'network',
	'title',
	'summary',
	'start_date',
	'end_date',
	'status',
	'end_reason',
	'issue_areas',
	'group',
	'source_url',
	'source_title',
	'source_publisher',
	'source_kind',
	'verification',
	'as_of'
] as const;
export type EngagementColumn = (typeof ENGAGEMENT_COLUMNS)[number];

/** Columns a file must have in its header; the others may be left out entirely. */
export const REQUIRED_ENGAGEMENT_COLUMNS: readonly EngagementColumn[] = [
	'id',
	'place',
	'type',
	'partner_kind',
	'partner',
	'partner_country',
	'title',
	'status',
	'source_url',
	'source_kind',
	'verification'
];

/** Columns a source-only continuation row may fill (besides `id`). */
export const SOURCE_COLUMNS: readonly EngagementColumn[] = [
	'source_url',
	'source_title',
	'source_publisher',
	'source_kind',
	'verification',
	'as_of'
];

/** Longest value accepted per column; anything longer is almost always a pasting accident. */
export const MAX_LENGTH: Record<EngagementColumn, number> = {
	id: 120,
	place: 300,
	type: 40,
	partner_kind: 20,
	partner: 200,
	partner_region: 120,
	partner_country: 2,
	partner_geonames_id: 12,
	partner_lat: 20,
	partner_lon: 20,
	network: 60,
	title: 200,
	summary: 600,
	start_date: 10,
	end_date: 10,
	status: 20,
	end_reason: 300,
	issue_areas: 300,
	group: 80,
	source_url: 2000,
	source_title: 300,
	source_publisher: 200,
	source_kind: 20,
	verification: 20,
	as_of: 10
};

export const NETWORK_COLUMNS = ['slug', 'name', 'url', 'issue_areas', 'summary', 'founded'] as const;
export const REQUIRED_NETWORK_COLUMNS = ['slug', 'name', 'url'] as const;

export const PLACE_COLUMNS = [
	'place',
	'geonames_id',
	'lat',
	'lon',
	'population',
	'office_name',
	'office_url',
	'office_staff',
	'source_url'
] as const;
export const REQUIRED_PLACE_COLUMNS = ['place'] as const;
