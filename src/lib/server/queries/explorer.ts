/** Everything the explorer shows for one URL: counts, the page of the list, map points and the selected place. */
import { and, count, desc, eq, isNotNull, sql } from 'drizzle-orm';
import { engagements as e, partners, countries } from '../db/schema';
import type { AtlasDb } from '../db/open';
import type { Filters } from '$lib/filters';
import { whereFor, involvesPlace } from './where';
import { stats } from './stats';
import { listEngagements } from './engagements';
import { placesForMap, placeBySlug } from './places';

export interface PartnerPoint {
	slug: string;
	name: string;
	kind: string;
	country: string | null;
	lat: number;
	lon: number;
	n: number;
}

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

/** Counts by partner country with the ISO numeric code the world outlines use. */
export function countryCounts(db: AtlasDb, f: Filters) {
	return db
		.select({ iso2: countries.iso2, numeric: countries.numeric, name: countries.name, lat: countries.lat, lon: countries.lon, n: count() })
		.from(e)
		.innerJoin(countries, eq(countries.iso2, e.partnerCountry))
		.where(whereFor(f))
		.groupBy(countries.iso2)
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

export function explorerData(db: AtlasDb, f: Filters, opts: { page: number; pageSize: number; place: string | null }) {
	return {
		stats: stats(db, f),
		list: listEngagements(db, f, { limit: opts.pageSize, offset: (opts.page - 1) * opts.pageSize }),
		places: placesForMap(db, f),
		partners: partnersForMap(db, f),
		countryCounts: countryCounts(db, f),
		selection: opts.place ? selection(db, f, opts.place) : null
	};
}
