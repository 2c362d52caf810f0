/** The coverage floors the dataset must meet (issue: the dataset), checked by data:report and the data tests. */
import { sql } from 'drizzle-orm';
import type { AtlasDb } from '../db/open';
import { STATES } from '$lib/states';
import { TYPE_IDS, STATUS_IDS, ISSUE_IDS } from '$lib/taxonomy';

export interface Floor {
	name: string;
	actual: number | string;
	wanted: string;
	ok: boolean;
}

const REQUIRED_STATE_CODES = STATES.filter((s) => s.region !== 'Territories' || s.code === 'PR').map((s) => s.code);

export function floors(db: AtlasDb): Floor[] {
	const one = (q: ReturnType<typeof sql>) => (db.get(q) as { n: number }).n;
	const total = one(sql`SELECT count(*) n FROM engagements WHERE synthetic = 0`);
	const seen = one(sql`SELECT count(*) n FROM engagements e WHERE synthetic = 0 AND EXISTS (SELECT 1 FROM sources s WHERE s.engagement_pk = e.pk AND s.verification = 'seen')`);
	const places = one(sql`SELECT count(*) n FROM places`);
	const countries = one(sql`SELECT count(DISTINCT partner_country) n FROM engagements WHERE synthetic = 0`);
	const stateLevel = new Map(
		(db.all(sql`SELECT lead_state key, count(*) n FROM engagements WHERE lead_kind = 'state' GROUP BY lead_state`) as { key: string; n: number }[]).map((r) => [r.key, r.n])
	);
	const short = REQUIRED_STATE_CODES.filter((c) => (stateLevel.get(c) ?? 0) < 3);
	const types = new Set((db.all(sql`SELECT DISTINCT type k FROM engagements`) as { k: string }[]).map((r) => r.k));
	const statuses = new Set((db.all(sql`SELECT DISTINCT status k FROM engagements`) as { k: string }[]).map((r) => r.k));
	const issues = new Map((db.all(sql`SELECT issue k, count(*) n FROM engagement_issues GROUP BY issue`) as { k: string; n: number }[]).map((r) => [r.k, r.n]));
	const thinIssues = ISSUE_IDS.filter((i) => (issues.get(i) ?? 0) < 100);
	const missingTypes = TYPE_IDS.filter((t) => !types.has(t));
	const missingStatuses = STATUS_IDS.filter((s) => !statuses.has(s));
	return [
		{ name: 'engagements', actual: total, wanted: '≥ 3000', ok: total >= 3000 },
		{ name: 'states, DC and PR with ≥ 3 state-level engagements', actual: short.length ? `short: ${short.join(', ')}` : 'all 52', wanted: 'all 52', ok: short.length === 0 },
		{ name: 'distinct U.S. places', actual: places, wanted: '≥ 500', ok: places >= 500 },
		{ name: 'partner countries', actual: countries, wanted: '≥ 100', ok: countries >= 100 },
		{ name: 'share with a seen source', actual: total ? `${((100 * seen) / total).toFixed(1)}%` : '0%', wanted: '≥ 60%', ok: total > 0 && seen / total >= 0.6 },
		{ name: 'types present', actual: missingTypes.length ? `missing: ${missingTypes.join(', ')}` : 'all', wanted: 'all', ok: missingTypes.length === 0 },
		{ name: 'statuses present', actual: missingStatuses.length ? `missing: ${missingStatuses.join(', ')}` : 'all', wanted: 'all', ok: missingStatuses.length === 0 },
		{ name: 'issue areas on ≥ 100 rows', actual: thinIssues.length ? `short: ${thinIssues.map((i) => `${i} ${issues.get(i) ?? 0}`).join(', ')}` : 'all', wanted: 'all', ok: thinIssues.length === 0 }
	];
}
