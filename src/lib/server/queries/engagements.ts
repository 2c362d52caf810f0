/** Engagement lists: the explorer's list, a place's records, one record with its sources. */
import { and, asc, desc, eq, inArray, sql, count, type SQL } from 'drizzle-orm';
import { engagements as e, partners, places, sources, engagementPlaces, engagementIssues, countries } from '../db/schema';
import type { AtlasDb } from '../db/open';
import type { Filters } from '$lib/filters';
import { whereFor, involvesPlace } from './where';

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
	const by = <T extends { pk?: number; engagementPk?: number }>(list: T[], key: (t: T) => number) => {
		const m = new Map<number, T[]>();
		for (const x of list) {
			const k = key(x);
			const a = m.get(k);
			if (a) a.push(x);
			else m.set(k, [x]);
		}
		return m;
	};
	const pl = by(placeRows, (x) => x.pk);
	const is = by(issueRows, (x) => x.engagementPk);
	const so = by(sourceRows, (x) => x.engagementPk);
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
	return db.select({ n: count() }).from(e).where(and(whereFor(f), extra)).get()!.n;
}

export function listEngagements(db: AtlasDb, f: Filters, opts: { limit: number; offset?: number; extra?: SQL }): EngagementRow[] {
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
