/**
 * The counts that describe one place, one country or one network on its page and in a comparison: by type, by
 * status, by partner country, and by start year and type family (the timeline). Each takes the set of
 * engagements as a SQL condition on `engagements e`, so the same code serves every page.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { AtlasDb } from '../db/open';

export interface Count {
	key: string;
	n: number;
}
export interface CountryCount {
	iso2: string;
	name: string;
	n: number;
}
export interface YearCount {
	year: number;
	family: string;
	n: number;
}

export interface Profile {
	total: number;
	byType: Count[];
	byStatus: Count[];
	byCountry: CountryCount[];
	byYear: YearCount[];
	/** Engagements with no start year: left out of the timeline, so pages say how many. */
	undated: number;
}

/** Engagements a place takes part in, lead or participant. */
export function ofPlace(placeId: number): SQL {
	return sql`e.pk IN (SELECT engagement_pk FROM engagement_places WHERE place_id = ${placeId})`;
}

export function profileOf(db: AtlasDb, where: SQL): Profile {
	const counts = (col: SQL) => db.all(sql`SELECT ${col} key, count(*) n FROM engagements e WHERE ${where} GROUP BY 1 ORDER BY n DESC, 1`) as Count[];
	return {
		total: (db.get(sql`SELECT count(*) n FROM engagements e WHERE ${where}`) as { n: number }).n,
		byType: counts(sql`e.type`),
		byStatus: counts(sql`e.status`),
		byCountry: db.all(sql`SELECT e.partner_country iso2, c.name name, count(*) n FROM engagements e JOIN countries c ON c.iso2 = e.partner_country
			WHERE ${where} GROUP BY e.partner_country ORDER BY n DESC, c.name`) as CountryCount[],
		byYear: db.all(sql`SELECT e.start_year year, e.family family, count(*) n FROM engagements e
			WHERE ${where} AND e.start_year IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 2`) as YearCount[],
		undated: (db.get(sql`SELECT count(*) n FROM engagements e WHERE ${where} AND e.start_year IS NULL`) as { n: number }).n
	};
}
