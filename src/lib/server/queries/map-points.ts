/**
 * The explorer map's fixed point lists, one per dataset version: every place, and every partner with a position,
 * in the facet index's order. The browser clusters them once; each filter then sends only counts over them
 * (FacetIndex.placeCounts / partnerCounts), so a filter change never re-sends or re-clusters points.
 */
import type { AtlasDb } from '../db/open';
import { emptyFilters } from '$lib/filters';
import { facets } from './facets';
import type { MapPointSet } from '$lib/map/types';

export function mapPointSet(db: AtlasDb, version: string, set: 'places' | 'partners'): MapPointSet {
	const ix = facets(db);
	const totals = new Map<number, number>();
	const pairs = set === 'places' ? ix.placeCounts(emptyFilters()) : ix.partnerCounts(emptyFilters());
	for (let i = 0; i < pairs.length; i += 2) totals.set(pairs[i], pairs[i + 1]);
	const points =
		set === 'places'
			? ix.mapPlaces.map((id, i) => {
					const p = ix.placeInfo.get(id)!;
					return [p.slug, p.label, p.kind, p.lat, p.lon, totals.get(i) ?? 0] as MapPointSet['points'][number];
				})
			: ix.mapPartners.map((id, i) => {
					const p = ix.partnerInfo.get(id)!;
					return [p.slug, p.name, p.kind, p.lat!, p.lon!, totals.get(i) ?? 0] as MapPointSet['points'][number];
				});
	return { version, set, points };
}
