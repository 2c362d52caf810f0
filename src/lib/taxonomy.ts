/**
 * The one vocabulary of the atlas: engagement types (in families), issue areas, statuses, partner kinds,
 * place kinds, source kinds and verification levels. The importer validates against it, the server filters
 * with it and the UI labels with it, so an id added here is accepted everywhere at once.
 */

export const FAMILIES = [
	{ id: 'agreements', label: 'Agreements' },
	{ id: 'visits', label: 'Visits' },
	{ id: 'multilateral', label: 'Multilateral' },
	{ id: 'presence', label: 'Presence abroad' },
	{ id: 'law', label: 'Law' }
] as const;
export type FamilyId = (typeof FAMILIES)[number]['id'];

export const TYPES = [
	{ id: 'sister_relationship', family: 'agreements', label: 'Sister relationship' },
	{ id: 'friendship_agreement', family: 'agreements', label: 'Friendship agreement' },
	{ id: 'cooperation_agreement', family: 'agreements', label: 'Cooperation agreement' },
	{ id: 'project_partnership', family: 'agreements', label: 'Project partnership' },
	{ id: 'outgoing_mission', family: 'visits', label: 'Outgoing mission' },
	{ id: 'incoming_delegation', family: 'visits', label: 'Incoming delegation' },
	{ id: 'network_membership', family: 'multilateral', label: 'Network membership' },
	{ id: 'event_or_summit', family: 'multilateral', label: 'Event or summit' },
	{ id: 'pledge_or_declaration', family: 'multilateral', label: 'Pledge or declaration' },
	{ id: 'office_abroad', family: 'presence', label: 'Office abroad' },
	{ id: 'legislative_action', family: 'law', label: 'Legislative action' }
] as const satisfies readonly { id: string; family: FamilyId; label: string }[];
export type TypeId = (typeof TYPES)[number]['id'];

export const ISSUE_AREAS = [
	{ id: 'economy_trade', label: 'Economy and trade' },
	{ id: 'culture_education', label: 'Culture and education' },
	{ id: 'climate_environment', label: 'Climate and environment' },
	{ id: 'migration', label: 'Migration' },
	{ id: 'public_health', label: 'Public health' },
	{ id: 'security_safety', label: 'Security and safety' },
	{ id: 'democracy_rights', label: 'Democracy and rights' },
	{ id: 'urban_innovation', label: 'Urban innovation' },
	{ id: 'development_humanitarian', label: 'Development and humanitarian aid' }
] as const;
export type IssueId = (typeof ISSUE_AREAS)[number]['id'];

export const STATUSES = [
	{ id: 'proposed', label: 'Proposed' },
	{ id: 'active', label: 'Active' },
	{ id: 'dormant', label: 'Dormant' },
	{ id: 'suspended', label: 'Suspended' },
	{ id: 'terminated', label: 'Terminated' },
	{ id: 'completed', label: 'Completed' }
] as const;
export type StatusId = (typeof STATUSES)[number]['id'];

export const PARTNER_KINDS = ['city', 'region', 'country', 'network', 'organisation'] as const;
export type PartnerKind = (typeof PARTNER_KINDS)[number];

export const PLACE_KINDS = ['state', 'county', 'city'] as const;
export type PlaceKind = (typeof PLACE_KINDS)[number];

export const SOURCE_KINDS = ['official', 'news', 'aggregate', 'survey'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

export const VERIFICATIONS = ['seen', 'site', 'unverified'] as const;
export type Verification = (typeof VERIFICATIONS)[number];

export const DATE_PRECISIONS = ['year', 'month', 'day'] as const;
export type DatePrecision = (typeof DATE_PRECISIONS)[number];

/** Census Bureau regions, used to group U.S. states in filters. */
export const CENSUS_REGIONS = ['Northeast', 'Midwest', 'South', 'West', 'Territories'] as const;
export type CensusRegion = (typeof CENSUS_REGIONS)[number];

export const TYPE_IDS: readonly TypeId[] = TYPES.map((t) => t.id);
export const ISSUE_IDS: readonly IssueId[] = ISSUE_AREAS.map((i) => i.id);
export const STATUS_IDS: readonly StatusId[] = STATUSES.map((s) => s.id);
/** The statuses of a tie that has stopped: what the endings page lists. */
export const ENDING_STATUSES: readonly StatusId[] = ['terminated', 'suspended', 'dormant'];

/** How many of a set of counts by status are endings (for the links to the endings page). */
export function endedCount(byStatus: readonly { key: string; n: number }[]): number {
	return byStatus.reduce((sum, s) => sum + ((ENDING_STATUSES as readonly string[]).includes(s.key) ? s.n : 0), 0);
}

const typeById = new Map<string, (typeof TYPES)[number]>(TYPES.map((t) => [t.id, t]));

export function isTypeId(s: string): s is TypeId {
	return typeById.has(s);
}
export function familyOf(type: TypeId): FamilyId {
	return typeById.get(type)!.family;
}
export function typeLabel(id: string): string {
	return typeById.get(id)?.label ?? id;
}
export function issueLabel(id: string): string {
	return ISSUE_AREAS.find((i) => i.id === id)?.label ?? id;
}
export function statusLabel(id: string): string {
	return STATUSES.find((s) => s.id === id)?.label ?? id;
}

/** World regions and subregions of partner countries, as world-countries names them. */
export const WORLD_REGIONS: Record<string, readonly string[]> = {
	Africa: ['Eastern Africa', 'Middle Africa', 'Northern Africa', 'Southern Africa', 'Western Africa'],
	Americas: ['Caribbean', 'Central America', 'North America', 'South America'],
	Asia: ['Central Asia', 'Eastern Asia', 'South-Eastern Asia', 'Southern Asia', 'Western Asia'],
	Europe: ['Central Europe', 'Eastern Europe', 'Northern Europe', 'Southeast Europe', 'Southern Europe', 'Western Europe'],
	Oceania: ['Australia and New Zealand', 'Melanesia', 'Micronesia', 'Polynesia'],
	Antarctic: []
};
export const WORLD_REGION_NAMES: readonly string[] = Object.entries(WORLD_REGIONS).flatMap(([r, subs]) => [r, ...subs]);
