/** Counts for a filter: the explorer's summary line and charts, and /api/v1/stats. */
import { and, count, countDistinct, desc, eq, isNotNull, sql } from 'drizzle-orm';
import { engagements as e, engagementIssues, countries } from '../db/schema';
import type { AtlasDb } from '../db/open';
import type { Filters } from '$lib/filters';
import { whereFor } from './where';
import { facets } from './facets';

export interface Stats {
	total: number;
	places: number;
	countries: number;
	byType: { key: string; n: number }[];
	byStatus: { key: string; n: number }[];
	byYear: { key: number; n: number }[];
	byCountry: { key: string; name: string; n: number }[];
	byState: { key: string; n: number }[];
	byIssue: { key: string; n: number }[];
	byKind: { key: string; n: number }[];
	byRegion: { key: string | null; n: number }[];
	bySubregion: { key: string | null; n: number }[];
}

/** Counts for a filter, from the facet index (one pass over typed arrays). */
export function stats(db: AtlasDb, f: Filters): Stats {
	return facets(db).stats(f);
}

/** The same counts in SQL: the reference the facet index is tested against. */
export function statsSql(db: AtlasDb, f: Filters): Stats {
	const where = whereFor(f);
	const totals = db
		.select({ total: count(), countries: countDistinct(e.partnerCountry) })
		.from(e)
		.where(where)
		.get()!;
	// With no filter every place counts: the build drops places that no engagement refers to.
	const placeCount = where
		? db
				.select({ n: sql<number>`count(DISTINCT ep.place_id)` })
				.from(e)
				.innerJoin(sql`engagement_places ep`, sql`ep.engagement_pk = ${e.pk}`)
				.where(where)
				.get()!.n
		: (db.get(sql`SELECT count(*) n FROM places`) as { n: number }).n;
	const group = <K extends typeof e.type | typeof e.status | typeof e.leadState | typeof e.leadKind | typeof e.partnerWorldRegion | typeof e.partnerSubregion>(col: K) =>
		db.select({ key: col, n: count() }).from(e).where(where).groupBy(col).orderBy(desc(count()), col).all() as { key: string; n: number }[];
	return {
		total: totals.total,
		places: placeCount,
		countries: totals.countries,
		byType: group(e.type),
		byStatus: group(e.status),
		byState: group(e.leadState),
		byKind: group(e.leadKind),
		byRegion: group(e.partnerWorldRegion),
		bySubregion: group(e.partnerSubregion),
		byYear: db
			.select({ key: e.startYear, n: count() })
			.from(e)
			.where(and(where, isNotNull(e.startYear)))
			.groupBy(e.startYear)
			.orderBy(e.startYear)
			.all() as { key: number; n: number }[],
		byCountry: countsByCountry(db, where),
		byIssue: where
			? db
					.select({ key: engagementIssues.issue, n: count() })
					.from(engagementIssues)
					.innerJoin(e, eq(e.pk, engagementIssues.engagementPk))
					.where(where)
					.groupBy(engagementIssues.issue)
					.orderBy(desc(count()), engagementIssues.issue)
					.all()
			: // No filter: the issue index alone answers, without visiting 100,000 engagement rows.
				db
					.select({ key: engagementIssues.issue, n: count() })
					.from(engagementIssues)
					.groupBy(engagementIssues.issue)
					.orderBy(desc(count()), engagementIssues.issue)
					.all()
	};
}

/**
 * Counts by partner country, grouped on the engagements' covering index and named afterwards from the small
 * countries table: joining countries row by row made this the slowest count at 100,000 engagements.
 */
function countsByCountry(db: AtlasDb, where: ReturnType<typeof whereFor>): { key: string; name: string; n: number }[] {
	const names = new Map(db.select({ iso2: countries.iso2, name: countries.name }).from(countries).all().map((c) => [c.iso2, c.name]));
	return db
		.select({ key: e.partnerCountry, n: count() })
		.from(e)
		.where(and(where, isNotNull(e.partnerCountry)))
		.groupBy(e.partnerCountry)
		.all()
		.filter((r): r is { key: string; n: number } => r.key !== null && names.has(r.key))
		.map((r) => ({ key: r.key, name: names.get(r.key)!, n: r.n }))
		.sort((a, b) => b.n - a.n || (a.key < b.key ? -1 : 1));
}
