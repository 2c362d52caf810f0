/** Coverage of the dataset by type, status, state, country, issue and verification: the method page and data:report. */
import { sql } from 'drizzle-orm';
import type { AtlasDb } from '../db/open';

export interface Coverage {
	engagements: number;
	places: number;
	countries: number;
	byType: { key: string; n: number }[];
	byStatus: { key: string; n: number }[];
	byIssue: { key: string; n: number }[];
	byVerification: { key: string; n: number }[];
	byKind: { key: string; n: number }[];
	statesWithStateLevel: { key: string; n: number }[];
	byState: { key: string; n: number }[];
	topCountries: { key: string; name: string; n: number }[];
	withoutSeenSource: number;
}

export function coverage(db: AtlasDb): Coverage {
	const q = <T>(s: ReturnType<typeof sql>) => db.all(s) as T[];
	const one = (s: ReturnType<typeof sql>) => (db.get(s) as { n: number }).n;
	return {
		engagements: one(sql`SELECT count(*) n FROM engagements WHERE synthetic = 0`),
		places: one(sql`SELECT count(*) n FROM places`),
		countries: one(sql`SELECT count(DISTINCT partner_country) n FROM engagements`),
		byType: q(sql`SELECT type key, count(*) n FROM engagements GROUP BY type ORDER BY n DESC`),
		byStatus: q(sql`SELECT status key, count(*) n FROM engagements GROUP BY status ORDER BY n DESC`),
		byIssue: q(sql`SELECT issue key, count(*) n FROM engagement_issues GROUP BY issue ORDER BY n DESC`),
		// Verification of an engagement = its best source.
		byVerification: q(sql`SELECT v key, count(*) n FROM (SELECT min(CASE verification WHEN 'seen' THEN 1 WHEN 'site' THEN 2 ELSE 3 END) r,
			CASE min(CASE verification WHEN 'seen' THEN 1 WHEN 'site' THEN 2 ELSE 3 END) WHEN 1 THEN 'seen' WHEN 2 THEN 'site' ELSE 'unverified' END v
			FROM sources GROUP BY engagement_pk) GROUP BY v ORDER BY min(r)`),
		byKind: q(sql`SELECT lead_kind key, count(*) n FROM engagements GROUP BY lead_kind ORDER BY n DESC`),
		statesWithStateLevel: q(sql`SELECT lead_state key, count(*) n FROM engagements WHERE lead_kind = 'state' GROUP BY lead_state ORDER BY lead_state`),
		byState: q(sql`SELECT lead_state key, count(*) n FROM engagements GROUP BY lead_state ORDER BY lead_state`),
		topCountries: q(sql`SELECT e.partner_country key, c.name name, count(*) n FROM engagements e JOIN countries c ON c.iso2 = e.partner_country GROUP BY e.partner_country ORDER BY n DESC, key LIMIT 25`),
		withoutSeenSource: one(sql`SELECT count(*) n FROM engagements e WHERE NOT EXISTS (SELECT 1 FROM sources s WHERE s.engagement_pk = e.pk AND s.verification = 'seen')`)
	};
}
