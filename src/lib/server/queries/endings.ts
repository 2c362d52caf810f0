/**
 * Ties that ended, were suspended or went dormant: counted by year and partner country, and listed by the year
 * they ended, newest first, each with the reason its source gives. Federal readers ask what ended and why.
 */
import type { AtlasDb } from '../db/open';
import { ENDING_STATUSES, type StatusId } from '$lib/taxonomy';
import type { Filters } from '$lib/filters';
import { countEngagements, listEngagements, type EngagementRow } from './engagements';


export interface EndingsPage {
	total: number;
	withReason: number;
	byStatus: { status: StatusId; n: number }[];
	byYear: { year: number; n: number }[];
	byCountry: { iso2: string; name: string; n: number }[];
	/** Newest year first; records whose end year is not known come last, under year null. */
	groups: { year: number | null; items: EngagementRow[] }[];
}

const yearOf = (d: string | null): number | null => (d ? Number(d.slice(0, 4)) : null);

/** Endings among the engagements matching `filters` (a status filter narrows the three ending statuses). */
export function endingsPage(db: AtlasDb, filters: Filters): EndingsPage {
	const status = ENDING_STATUSES.filter((s) => filters.status.length === 0 || filters.status.includes(s));
	// Only statuses that are not endings asked for: nothing matches (an empty list would mean every status).
	if (status.length === 0) return { total: 0, withReason: 0, byStatus: ENDING_STATUSES.map((s) => ({ status: s, n: 0 })), byYear: [], byCountry: [], groups: [] };
	const f = { ...filters, status };
	const total = countEngagements(db, f);
	const rows = listEngagements(db, f, { limit: total });
	// Newest ending first; ties in the same year by end date, then title, so the order is stable.
	rows.sort((a, b) => (b.endDate ?? '').localeCompare(a.endDate ?? '') || a.title.localeCompare(b.title));

	const groups: EndingsPage['groups'] = [];
	for (const r of rows) {
		const year = yearOf(r.endDate);
		const last = groups.at(-1);
		if (last && last.year === year) last.items.push(r);
		else groups.push({ year, items: [r] });
	}
	const count = <K>(key: (r: EngagementRow) => K | null) => {
		const m = new Map<K, number>();
		for (const r of rows) {
			const k = key(r);
			if (k !== null) m.set(k, (m.get(k) ?? 0) + 1);
		}
		return m;
	};
	const names = new Map(rows.filter((r) => r.partner.country).map((r) => [r.partner.country!, r.partner.countryName ?? r.partner.country!]));
	return {
		total,
		withReason: rows.filter((r) => r.endReason).length,
		byStatus: ENDING_STATUSES.map((status) => ({ status, n: rows.filter((r) => r.status === status).length })),
		byYear: [...count((r) => yearOf(r.endDate))].map(([year, n]) => ({ year, n })).sort((a, b) => a.year - b.year),
		byCountry: [...count((r) => r.partner.country)]
			.map(([iso2, n]) => ({ iso2, name: names.get(iso2)!, n }))
			.sort((a, b) => b.n - a.n || a.name.localeCompare(b.name))
			.slice(0, 12),
		groups
	};
}
