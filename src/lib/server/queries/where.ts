/**
 * Filters → one SQL condition on `engagements`. Every value is a bound parameter (drizzle), including the
 * full-text query, which is rebuilt from words so that FTS5 syntax in user input cannot change its meaning.
 */
import { and, eq, gte, inArray, lte, sql, type SQL } from 'drizzle-orm';
import { engagements as e, engagementIssues, places } from '../db/schema';
import type { Filters } from '$lib/filters';
import { STATES } from '$lib/states';

/** Turn free text into an FTS5 query of quoted words (all must match; the last may be a prefix). */
export function ftsQuery(q: string): string | null {
	const words = q.match(/[\p{L}\p{N}]+/gu);
	if (!words) return null;
	return words
		.slice(0, 12)
		.map((w, i, all) => `"${w}"${i === all.length - 1 ? '*' : ''}`)
		.join(' ');
}

export function whereFor(f: Filters): SQL | undefined {
	const parts: (SQL | undefined)[] = [];
	if (f.type.length) parts.push(inArray(e.type, f.type));
	if (f.status.length) parts.push(inArray(e.status, f.status));
	if (f.kind.length) parts.push(inArray(e.leadKind, f.kind));
	const states = new Set(f.state);
	if (f.census.length) for (const s of STATES) if (f.census.includes(s.region)) states.add(s.code);
	if (f.state.length && f.census.length) {
		// Both given: the states named that also lie in the regions named.
		const inRegions = new Set(STATES.filter((s) => f.census.includes(s.region)).map((s) => s.code));
		parts.push(inArray(e.leadState, f.state.filter((s) => inRegions.has(s)).concat('')));
	} else if (states.size) parts.push(inArray(e.leadState, [...states]));
	if (f.country.length) parts.push(inArray(e.partnerCountry, f.country));
	if (f.region.length) {
		const regions = f.region;
		parts.push(sql`(${inArray(e.partnerWorldRegion, regions)} OR ${inArray(e.partnerSubregion, regions)})`);
	}
	if (f.from !== null) parts.push(gte(e.startYear, f.from));
	if (f.to !== null) parts.push(lte(e.startYear, f.to));
	if (f.issue.length) {
		parts.push(
			sql`EXISTS (SELECT 1 FROM ${engagementIssues} WHERE ${engagementIssues.engagementPk} = ${e.pk} AND ${inArray(engagementIssues.issue, f.issue)})`
		);
	}
	if (f.q) {
		const m = ftsQuery(f.q);
		// Text with no word in it matches nothing rather than everything.
		parts.push(m ? sql`${e.pk} IN (SELECT rowid FROM engagements_fts WHERE engagements_fts MATCH ${m})` : sql`0`);
	}
	return parts.length ? and(...parts) : undefined;
}

/** Engagements a place takes part in (lead or participant). */
export function involvesPlace(placeId: number): SQL {
	return sql`${e.pk} IN (SELECT engagement_pk FROM engagement_places WHERE place_id = ${placeId})`;
}

export { eq, places };
