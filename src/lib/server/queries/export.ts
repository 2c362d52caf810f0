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
 * One page of engagements in id order, after the id `after` (exclusive) when given. With `byId`, SQLite walks
 * the id index and filters as it goes, stopping after `limit` matches; without, it uses the filter's index and
 * sorts what matches. Which is faster depends on how many rows match (see scanById).
 */
export function engagementsAfter(db: AtlasDb, f: Filters, after: string | null, limit: number, extra?: SQL, byId = false): ApiEngagement[] {
	const where = and(whereFor(f), extra, after === null ? undefined : gt(e.id, after));
	// The forced plan runs in a subquery of its own: inside it, "engagements" names the INDEXED BY table, so the
	// filter's column references bind there; the outer query then joins only the page's rows.
	const rows = select(db)
		.where(byId ? sql`${e.pk} IN (SELECT pk FROM engagements INDEXED BY engagements_id WHERE ${where ?? sql`1`} ORDER BY id LIMIT ${limit})` : where)
		.orderBy(asc(e.id))
		.limit(limit)
		.all();
	return hydrate(db, rows);
}

/**
 * Walking the id index visits about limit × all / matching rows; sorting the matches costs about matching rows
 * (times a log). SQLite's planner prefers the filter's index even when most rows match, which at 100,000
 * engagements made a broad filter's first page take 20 ms instead of 1; this picks the cheaper plan instead.
 */
export function scanById(matching: number, limit: number, all: number): boolean {
	return matching > 0 && matching * matching >= 4 * (limit + 1) * all;
}

const totals = new WeakMap<AtlasDb, number>();
/** All engagements of this database (constant for a connection, so counted once). */
export function totalEngagements(opened: { db: AtlasDb }): number {
	let n = totals.get(opened.db);
	if (n === undefined) {
		n = opened.db.select({ n: count() }).from(e).get()!.n;
		totals.set(opened.db, n);
	}
	return n;
}

export function countMatching(db: AtlasDb, f: Filters): number {
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
