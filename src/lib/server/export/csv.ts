/**
 * Engagements as rows of the data format (data/README.md), so that an export re-imports with `npm run import`.
 * The resolved partner point goes in partner_lat/partner_lon (and the city in partner_geonames_id), which the
 * importer takes as given, so a re-import places every partner exactly where this dataset does. U.S. places are
 * written as the importer reads them (`WA`, `King County, WA`, `Seattle, WA`); their points come back from the
 * same gazetteer.
 */
import { ENGAGEMENT_COLUMNS, type EngagementColumn } from '$lib/import/columns';
import { csvField } from '$lib/import/csv';
import type { ApiEngagement, ApiPlaceRef } from '../queries/export';

export const CSV_COLUMNS = ENGAGEMENT_COLUMNS;

export function csvHeader(): string {
	return CSV_COLUMNS.join(',') + '\r\n';
}

/** A number as the importer's coordinate pattern accepts it: plain decimals, never exponent notation. */
export function plainNumber(n: number | null): string {
	if (n === null) return '';
	const s = String(n);
	return /e/i.test(s) ? n.toFixed(12).replace(/\.?0+$/, '') : s;
}

function placeText(p: ApiPlaceRef): string {
	return p.kind === 'state' ? p.state : p.label;
}

function line(values: Partial<Record<EngagementColumn, string | number | null>>): string {
	return CSV_COLUMNS.map((c) => csvField(values[c] ?? '')).join(',') + '\r\n';
}

/** One engagement: its row, then one continuation row per further source. */
export function csvRows(x: ApiEngagement): string {
	const p = x.partner;
	const [first, ...more] = x.sources;
	const source = (s: ApiEngagement['sources'][number] | undefined) => ({
		source_url: s?.url,
		source_title: s?.title,
		source_publisher: s?.publisher,
		source_kind: s?.kind,
		verification: s?.verification,
		as_of: s?.as_of
	});
	let out = line({
		id: x.id,
		place: x.places.map(placeText).join(';'),
		type: x.type,
		partner_kind: p.kind,
		partner: p.kind === 'network' ? '' : p.name,
		// A city found by its GeoNames id gets its region from GeoNames; one placed by a point keeps the region given.
		partner_region: p.kind === 'city' && p.geonames_id === null ? p.region : '',
		partner_country: p.kind === 'network' ? '' : p.country,
		partner_geonames_id: p.kind === 'city' ? p.geonames_id : null,
		partner_lat: p.lat === null || p.lon === null ? '' : plainNumber(p.lat),
		partner_lon: p.lat === null || p.lon === null ? '' : plainNumber(p.lon),
		network: p.network,
		title: x.title,
		summary: x.summary,
		start_date: x.start_date,
		end_date: x.end_date,
		status: x.status,
		end_reason: x.end_reason,
		issue_areas: x.issue_areas.join(';'),
		group: x.group,
		...source(first)
	});
	for (const s of more) out += line({ id: x.id, ...source(s) });
	return out;
}
