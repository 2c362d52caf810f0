/** Counts for a filter: the explorer's summary line and charts, and /api/v1/stats. */
import { and, count, countDistinct, desc, eq, isNotNull, sql } from 'drizzle-orm';
import { engagements as e, engagementIssues, countries } from '../db/schema';
import type { AtlasDb } from '../db/open';
import type { Filters } from '$lib/filters';
import { whereFor } from './where';

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

export function stats(db: AtlasDb, f: Filters): Stats {
	const where = whereFor(f);
	const totals = db
		.select({ total: count(), countries: countDistinct(e.partnerCountry) })
		.from(e)
		.where(where)
		.get()!;
	const placeCount = db
		.select({ n: sql<number>`count(DISTINCT ep.place_id)` })
		.from(e)
		.innerJoin(sql`engagement_places ep`, sql`ep.engagement_pk = ${e.pk}`)
		.where(where)
		.get()!.n;
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
		byCountry: db
			.select({ key: e.partnerCountry, name: countries.name, n: count() })
			.from(e)
			.innerJoin(countries, eq(countries.iso2, e.partnerCountry))
			.where(where)
			.groupBy(e.partnerCountry)
			.orderBy(desc(count()), e.partnerCountry)
			.all() as { key: string; name: string; n: number }[],
		byIssue: db
			.select({ key: engagementIssues.issue, n: count() })
			.from(engagementIssues)
			.innerJoin(e, eq(e.pk, engagementIssues.engagementPk))
			.where(where)
			.groupBy(engagementIssues.issue)
			.orderBy(desc(count()), engagementIssues.issue)
			.all()
	};
}
