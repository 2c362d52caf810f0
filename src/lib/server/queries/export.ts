/**
 * Engagements as the API and the downloads give them: every field with resolved coordinates, read in keyset
 * chunks ordered by id. Chunks (not one open cursor) because better-sqlite3 cannot run another statement on the
 * connection while an iterator is open, and a streamed export must not block every other request; reading by id
 * also makes the order stable across dataset versions, so a paging cursor stays meaningful.
 */
import { and, asc, count, eq, gt, inArray, sql, type SQL } from 'drizzle-orm';
import { groupBy } from './engagements';
import { engagements as e, partners, places, sources, engagementPlaces, engagementIssues, countries, networks } from '../db/schema';
import type { AtlasDb } from '../db/open';
import type { Filters } from '$lib/filters';
import { whereFor } from './where';
import { facets } from './facets';

export interface ApiPlaceRef {
	slug: string;
	label: string;
	kind: string;
	state: string;
	role: 'lead' | 'participant';
	lat: number;
	lon: number;
}

export interface ApiEngagement {
	id: string;
	type: string;
	family: string;
	title: string;
	summary: string | null;
	start_date: string | null;
	start_precision: string | null;
	end_date: string | null;
	end_precision: string | null;
	status: string;
	end_reason: string | null;
	group: string | null;
	issue_areas: string[];
	lead_place: ApiPlaceRef;
	places: ApiPlaceRef[];
	partner: {
		slug: string;
		kind: string;
		name: string;
		region: string | null;
		country: string | null;
		country_name: string | null;
		geonames_id: number | null;
		network: string | null;
		lat: number | null;
		lon: number | null;
	};
	sources: { url: string; title: string | null; publisher: string | null; kind: string; verification: string; as_of: string | null }[];
	synthetic: boolean;
}

function select(db: AtlasDb) {
	return db
		.select({
			pk: e.pk,
			id: e.id,
			type: e.type,
			family: e.family,
			title: e.title,
			summary: e.summary,
			startDate: e.startDate,
			startPrecision: e.startPrecision,
			endDate: e.endDate,
			endPrecision: e.endPrecision,
			status: e.status,
			endReason: e.endReason,
			groupId: e.groupId,
			synthetic: e.synthetic,
			partnerSlug: partners.slug,
			partnerKind: partners.kind,
			partnerName: partners.name,
			partnerRegion: partners.regionName,
			partnerCountry: partners.country,
			partnerLat: partners.lat,
			partnerLon: partners.lon,
			partnerGeonamesId: partners.geonamesId,
			countryName: countries.name,
			networkSlug: networks.slug
		})
		.from(e)
		.innerJoin(partners, eq(partners.id, e.partnerId))
		.leftJoin(countries, eq(countries.iso2, partners.country))
		.leftJoin(networks, eq(networks.id, partners.networkId));
}

type Row = Awaited<ReturnType<ReturnType<typeof select>['all']>>[number];

/** Places, issues and sources of a chunk: three queries per chunk, not three per row. */
function hydrate(db: AtlasDb, rows: Row[]): ApiEngagement[] {
	if (rows.length === 0) return [];
	const pks = rows.map((r) => r.pk);
	const pl = groupBy(
		db
			.select({ pk: engagementPlaces.engagementPk, role: engagementPlaces.role, slug: places.slug, label: places.label, kind: places.kind, state: places.stateCode, lat: places.lat, lon: places.lon })
			.from(engagementPlaces)
			.innerJoin(places, eq(places.id, engagementPlaces.placeId))
			.where(inArray(engagementPlaces.engagementPk, pks))
			// rowid keeps the order the places were listed in the data, which the CSV export must reproduce.
			.orderBy(sql`${engagementPlaces}.rowid`)
			.all(),
		(x) => x.pk
	);
	const is = groupBy(db.select().from(engagementIssues).where(inArray(engagementIssues.engagementPk, pks)).all(), (x) => x.engagementPk);
	const so = groupBy(db.select().from(sources).where(inArray(sources.engagementPk, pks)).orderBy(asc(sources.engagementPk), asc(sources.position)).all(), (x) => x.engagementPk);
	return rows.map((r) => {
		const ps = (pl.get(r.pk) ?? []).map(({ slug, label, kind, state, role, lat, lon }) => ({ slug, label, kind, state, role, lat, lon }));
		ps.sort((a, b) => (a.role === b.role ? 0 : a.role === 'lead' ? -1 : 1));
		return {
			id: r.id,
			type: r.type,
			family: r.family,
			title: r.title,
			summary: r.summary,
			start_date: r.startDate,
			start_precision: r.startPrecision,
			end_date: r.endDate,
			end_precision: r.endPrecision,
			status: r.status,
			end_reason: r.endReason,
			group: r.groupId,
			issue_areas: (is.get(r.pk) ?? []).map((x) => x.issue).sort(),
			lead_place: ps[0],
			places: ps,
			partner: {
				slug: r.partnerSlug,
				kind: r.partnerKind,
				name: r.partnerName,
				region: r.partnerRegion,
				country: r.partnerCountry,
				country_name: r.countryName,
				geonames_id: r.partnerGeonamesId,
				network: r.networkSlug,
				lat: r.partnerLat,
				lon: r.partnerLon
			},
			sources: (so.get(r.pk) ?? []).map((s) => ({ url: s.url, title: s.title, publisher: s.publisher, kind: s.kind, verification: s.verification, as_of: s.asOf })),
			synthetic: r.synthetic === 1
		};
	});
}

/**
 * One page of engagements in id order, after the id `after` (exclusive) when given: the API's keyset pages and
 * the exports' chunks.
 */
export function engagementsAfter(db: AtlasDb, f: Filters, after: string | null, limit: number, extra?: SQL): ApiEngagement[] {
	if (extra) return engagementsAfterSql(db, f, after, limit, extra);
	// The facet index picks the page's rows in id order, so SQLite no longer filters and sorts per request (at
	// 100,000 engagements a broad filter's first page took 20 ms that way); SQL only fetches the page's rows.
	const pks = facets(db).pageById(f, after, limit);
	if (pks.length === 0) return [];
	const rows = select(db).where(inArray(e.pk, pks)).orderBy(asc(e.id)).all();
	return hydrate(db, rows);
}

/** The same page in SQL alone: the reference the index path is tested against, and the path for extra conditions. */
export function engagementsAfterSql(db: AtlasDb, f: Filters, after: string | null, limit: number, extra?: SQL): ApiEngagement[] {
	const where = and(whereFor(f), extra, after === null ? undefined : gt(e.id, after));
	return hydrate(db, select(db).where(where).orderBy(asc(e.id)).limit(limit).all());
}

export function countMatching(db: AtlasDb, f: Filters): number {
	return facets(db).count(f);
}

export function countMatchingSql(db: AtlasDb, f: Filters): number {
	return db.select({ n: count() }).from(e).where(whereFor(f)).get()!.n;
}

/**
 * Every engagement matching the filter, a chunk at a time. Each call of next() runs its queries synchronously
 * and holds nothing open between chunks.
 */
export function* chunksOf(db: AtlasDb, f: Filters, size = 500, extra?: SQL): Generator<ApiEngagement[]> {
	let after: string | null = null;
	for (;;) {
		const chunk = engagementsAfter(db, f, after, size, extra);
		if (chunk.length === 0) return;
		yield chunk;
		if (chunk.length < size) return;
		after = chunk[chunk.length - 1].id;
	}
}
