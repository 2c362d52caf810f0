/** Engagement lists: the explorer's list, a place's records, one record with its sources. */
import { and, asc, desc, eq, inArray, sql, count, type SQL } from 'drizzle-orm';
import { engagements as e, partners, places, sources, engagementPlaces, engagementIssues, countries } from '../db/schema';
import type { AtlasDb } from '../db/open';
import type { Filters } from '$lib/filters';
import { whereFor, involvesPlace } from './where';
import { facets } from './facets';

export interface SourceRow {
	url: string;
	title: string | null;
	publisher: string | null;
	kind: string;
	verification: string;
	asOf: string | null;
}

export interface EngagementRow {
	id: string;
	type: string;
	title: string;
	summary: string | null;
	startDate: string | null;
	endDate: string | null;
	status: string;
	endReason: string | null;
	groupId: string | null;
	leadPlace: { slug: string; label: string; kind: string };
	places: { slug: string; label: string; role: string }[];
	partner: { slug: string; name: string; kind: string; country: string | null; countryName: string | null; regionName: string | null };
	issues: string[];
	sources: SourceRow[];
}

const ORDER = [sql`${e.startYear} IS NULL`, desc(e.startDate), asc(e.id)];

function baseSelect(db: AtlasDb) {
	return db
		.select({
			pk: e.pk,
			id: e.id,
			type: e.type,
			title: e.title,
			summary: e.summary,
			startDate: e.startDate,
			endDate: e.endDate,
			status: e.status,
			endReason: e.endReason,
			groupId: e.groupId,
			leadSlug: places.slug,
			leadLabel: places.label,
			leadKind: places.kind,
			partnerSlug: partners.slug,
			partnerName: partners.name,
			partnerKind: partners.kind,
			partnerCountry: partners.country,
			partnerRegion: partners.regionName,
			countryName: countries.name
		})
		.from(e)
		.innerJoin(places, eq(places.id, e.leadPlaceId))
		.innerJoin(partners, eq(partners.id, e.partnerId))
		.leftJoin(countries, eq(countries.iso2, partners.country));
}

/** Rows grouped by a numeric key (an engagement's pk), keeping their order. */
export function groupBy<T>(list: T[], key: (t: T) => number): Map<number, T[]> {
	const m = new Map<number, T[]>();
	for (const x of list) {
		const k = key(x);
		const a = m.get(k);
		if (a) a.push(x);
		else m.set(k, [x]);
	}
	return m;
}

type BaseRow = Awaited<ReturnType<ReturnType<typeof baseSelect>['all']>>[number];

/** Attach places, issues and sources to a page of rows with three queries, not three per row. */
function hydrate(db: AtlasDb, rows: BaseRow[]): EngagementRow[] {
	if (rows.length === 0) return [];
	const pks = rows.map((r) => r.pk);
	const placeRows = db
		.select({ pk: engagementPlaces.engagementPk, slug: places.slug, label: places.label, role: engagementPlaces.role })
		.from(engagementPlaces)
		.innerJoin(places, eq(places.id, engagementPlaces.placeId))
		.where(inArray(engagementPlaces.engagementPk, pks))
		.all();
	const issueRows = db.select().from(engagementIssues).where(inArray(engagementIssues.engagementPk, pks)).all();
	const sourceRows = db.select().from(sources).where(inArray(sources.engagementPk, pks)).orderBy(asc(sources.position)).all();
	const pl = groupBy(placeRows, (x) => x.pk);
	const is = groupBy(issueRows, (x) => x.engagementPk);
	const so = groupBy(sourceRows, (x) => x.engagementPk);
	return rows.map((r) => ({
		id: r.id,
		type: r.type,
		title: r.title,
		summary: r.summary,
		startDate: r.startDate,
		endDate: r.endDate,
		status: r.status,
		endReason: r.endReason,
		groupId: r.groupId,
		leadPlace: { slug: r.leadSlug, label: r.leadLabel, kind: r.leadKind },
		places: (pl.get(r.pk) ?? []).sort((a, b) => (a.role === 'lead' ? -1 : b.role === 'lead' ? 1 : 0)).map(({ slug, label, role }) => ({ slug, label, role })),
		partner: {
			slug: r.partnerSlug,
			name: r.partnerName,
			kind: r.partnerKind,
			country: r.partnerCountry,
			countryName: r.countryName,
			regionName: r.partnerRegion
		},
		issues: (is.get(r.pk) ?? []).map((x) => x.issue).sort(),
		sources: (so.get(r.pk) ?? []).map(({ url, title, publisher, kind, verification, asOf }) => ({ url, title, publisher, kind, verification, asOf }))
	}));
}

export function countEngagements(db: AtlasDb, f: Filters, extra?: SQL): number {
	if (!extra) return facets(db).count(f);
	return db.select({ n: count() }).from(e).where(and(whereFor(f), extra)).get()!.n;
}

/** A page of the list, newest first: the facet index picks the rows, SQL fetches them with their details. */
export function listEngagements(db: AtlasDb, f: Filters, opts: { limit: number; offset?: number; extra?: SQL }): EngagementRow[] {
	if (opts.extra) return listEngagementsSql(db, f, opts);
	const pks = facets(db).page(f, opts.offset ?? 0, opts.limit);
	if (pks.length === 0) return [];
	const byPk = new Map(baseSelect(db).where(inArray(e.pk, pks)).all().map((r) => [r.pk, r]));
	return hydrate(db, pks.map((pk) => byPk.get(pk)!));
}

/** The same page in SQL alone: the reference the facet index is tested against, and the path for extra conditions. */
export function listEngagementsSql(db: AtlasDb, f: Filters, opts: { limit: number; offset?: number; extra?: SQL }): EngagementRow[] {
	const rows = baseSelect(db)
		.where(and(whereFor(f), opts.extra))
		.orderBy(...ORDER)
		.limit(opts.limit)
		.offset(opts.offset ?? 0)
		.all();
	return hydrate(db, rows);
}

export function engagementsOfPlace(db: AtlasDb, placeId: number): EngagementRow[] {
	const rows = baseSelect(db).where(involvesPlace(placeId)).orderBy(asc(e.type), ...ORDER).all();
	return hydrate(db, rows);
}

export function engagementById(db: AtlasDb, id: string): EngagementRow | undefined {
	const rows = baseSelect(db).where(eq(e.id, id)).all();
	return hydrate(db, rows)[0];
}

/** What the record page shows beyond an EngagementRow: family, date precision, the partner's point and network, the CSV line. */
export interface EngagementDetails {
	family: string;
	startPrecision: string | null;
	endPrecision: string | null;
	sourceFile: string;
	sourceLine: number;
	synthetic: boolean;
	partnerLat: number | null;
	partnerLon: number | null;
	partnerGeonamesId: number | null;
	networkSlug: string | null;
	networkName: string | null;
	leadState: string;
}

export function engagementDetails(db: AtlasDb, id: string): EngagementDetails | undefined {
	const r = db.get(sql`
		SELECT e.family, e.start_precision startPrecision, e.end_precision endPrecision, e.source_file sourceFile, e.source_line sourceLine,
			e.synthetic synthetic, pa.lat partnerLat, pa.lon partnerLon, pa.geonames_id partnerGeonamesId, n.slug networkSlug, n.name networkName,
			e.lead_state leadState
		FROM engagements e JOIN partners pa ON pa.id = e.partner_id LEFT JOIN networks n ON n.id = pa.network_id
		WHERE e.id = ${id}`) as (Omit<EngagementDetails, 'synthetic'> & { synthetic: number }) | undefined;
	return r && { ...r, synthetic: r.synthetic === 1 };
}

/** Records related to one: the other stops of its group, and other ties between the same U.S. place(s) and partner. */
export function relatedEngagements(db: AtlasDb, id: string): { sameGroup: EngagementRow[]; samePair: EngagementRow[] } {
	const me = db.get(sql`SELECT pk, group_id groupId, partner_id partnerId FROM engagements WHERE id = ${id}`) as
		| { pk: number; groupId: string | null; partnerId: number }
		| undefined;
	if (!me) return { sameGroup: [], samePair: [] };
	const sameGroup = me.groupId
		? hydrate(db, baseSelect(db).where(and(eq(e.groupId, me.groupId), sql`${e.pk} <> ${me.pk}`)).orderBy(asc(e.startDate), asc(e.id)).all())
		: [];
	const samePair = hydrate(
		db,
		baseSelect(db)
			.where(
				and(
					eq(e.partnerId, me.partnerId),
					sql`${e.pk} <> ${me.pk}`,
					sql`${e.pk} IN (SELECT engagement_pk FROM engagement_places WHERE place_id IN (SELECT place_id FROM engagement_places WHERE engagement_pk = ${me.pk}))`
				)
			)
			.orderBy(...ORDER)
			.limit(200)
			.all()
	);
	return { sameGroup, samePair };
}

/** Ids close to a mistyped one: candidates share its first two parts (type prefix and place), else its first. */
export function engagementIdCandidates(db: AtlasDb, id: string): { id: string; title: string }[] {
	const parts = id.split(':');
	for (const n of [2, 1]) {
		if (parts.length < n || !parts[n - 1]) continue;
		const prefix = parts.slice(0, n).join(':').replace(/[%_\\]/g, (c) => `\\${c}`);
		const rows = db.all(sql`SELECT id, title FROM engagements WHERE id LIKE ${`${prefix}%`} ESCAPE '\\' ORDER BY id LIMIT 20000`) as { id: string; title: string }[];
		if (rows.length) return rows;
	}
	return db.all(sql`SELECT id, title FROM engagements ORDER BY id LIMIT 20000`) as { id: string; title: string }[];
}
