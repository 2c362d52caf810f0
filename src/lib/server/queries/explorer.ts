/** Everything the explorer shows for one URL: counts, the page of the list, map points and the selected place. */
import type { MapPartnerPoint } from '$lib/map/types';
import { and, count, desc, eq, isNotNull, sql } from 'drizzle-orm';
import { engagements as e, partners, countries } from '../db/schema';
import type { AtlasDb } from '../db/open';
import type { Filters } from '$lib/filters';
import { whereFor, involvesPlace } from './where';
import { stats } from './stats';
import { listEngagements } from './engagements';
import { placeBySlug } from './places';
import { facets } from './facets';

/** A partner on the World view's map with its count (one type for server and browser). */
export type PartnerPoint = MapPartnerPoint;

export interface Selection {
	slug: string;
	label: string;
	kind: string;
	lat: number;
	lon: number;
	total: number;
	matching: number;
	topCountries: { key: string; name: string; n: number }[];
	partners: PartnerPoint[];
}

/** Partners with a point, with their count of matching engagements (the World view's points). */
export function partnersForMap(db: AtlasDb, f: Filters, extra?: ReturnType<typeof sql>): PartnerPoint[] {
	return db
		.select({ slug: partners.slug, name: partners.name, kind: partners.kind, country: partners.country, lat: sql<number>`${partners.lat}`, lon: sql<number>`${partners.lon}`, n: count() })
		.from(e)
		.innerJoin(partners, eq(partners.id, e.partnerId))
		.where(and(whereFor(f), extra, isNotNull(partners.lat)))
		.groupBy(partners.id)
		.orderBy(desc(count()), partners.slug)
		.all();
}

export function selection(db: AtlasDb, f: Filters, slug: string): Selection | null {
	const place = placeBySlug(db, slug);
	if (!place) return null;
	const mine = involvesPlace(place.id);
	const total = db.select({ n: count() }).from(e).where(mine).get()!.n;
	const matching = db.select({ n: count() }).from(e).where(and(whereFor(f), mine)).get()!.n;
	const topCountries = db
		.select({ key: sql<string>`${e.partnerCountry}`, name: countries.name, n: count() })
		.from(e)
		.innerJoin(countries, eq(countries.iso2, e.partnerCountry))
		.where(and(whereFor(f), mine))
		.groupBy(e.partnerCountry)
		.orderBy(desc(count()), e.partnerCountry)
		.limit(5)
		.all();
	return { slug: place.slug, label: place.label, kind: place.kind, lat: place.lat, lon: place.lon, total, matching, topCountries, partners: partnersForMap(db, f, mine) };
}

export function explorerData(db: AtlasDb, f: Filters, opts: { page: number; pageSize: number; place: string | null; view?: 'us' | 'world' }) {
	const ix = facets(db);
	const s = stats(db, f);
	return {
		stats: s,
		list: listEngagements(db, f, { limit: opts.pageSize, offset: (opts.page - 1) * opts.pageSize }),
		// Counts over the map's fixed point lists (/map/places.json, /map/partners.json), not the points themselves.
		placeCounts: ix.placeCounts(f),
		// Partner points are drawn only in the World view: the United States view does not pay for them.
		partnerCounts: opts.view === 'world' ? ix.partnerCounts(f) : [],
		countryCounts: s.byCountry.map((c) => {
			const info = ix.countryInfo.get(c.key)!;
			return { iso2: c.key, numeric: info.numeric, name: c.name, lat: info.lat, lon: info.lon, n: c.n };
		}),
		selection: opts.place ? selection(db, f, opts.place) : null
	};
}
