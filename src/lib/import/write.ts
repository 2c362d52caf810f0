/**
 * Write a checked dataset into SQLite. The target is never written in place: a copy (or a fresh file) is filled
 * inside one transaction and renamed over the target only when whole, so a failure at any step leaves the last
 * good database byte-for-byte as it was.
 */
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { copyFileSync, existsSync, renameSync, rmSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Gazetteer } from './gazetteer';
import type { EngagementInput, NetworkInput } from './dataset';
import type { ResolvedPartner, ResolvedPlace } from './resolve';

export const MIGRATIONS_DIR = fileURLToPath(new URL('../../../drizzle', import.meta.url));
export const LICENCE = 'Data: CC BY 4.0, Diplomacy Atlas. Gazetteers: GeoNames (CC BY 4.0), Natural Earth, U.S. Census Bureau, world-countries (ODbL).';

export interface WriteSummary {
	engagements: number;
	inserted: number;
	replaced: number;
	places: number;
	partners: number;
	countries: number;
	networks: number;
	byType: Record<string, number>;
	version: string;
}

type Log = (msg: string) => void;

/** Fill a temporary file with `fill` and rename it over `dbPath` only if everything succeeded. */
function atomically(dbPath: string, startFrom: 'empty' | 'copy', fill: (db: Database.Database) => void) {
	mkdirSync(dirname(dbPath), { recursive: true });
	const tmp = `${dbPath}.tmp-${process.pid}-${Date.now()}`;
	try {
		if (startFrom === 'copy') copyFileSync(dbPath, tmp);
		const db = new Database(tmp);
		try {
			db.pragma('journal_mode = MEMORY');
			db.pragma('synchronous = OFF');
			fill(db);
			db.pragma('journal_mode = DELETE');
		} finally {
			db.close();
		}
		renameSync(tmp, dbPath);
	} catch (e) {
		rmSync(tmp, { force: true });
		rmSync(`${tmp}-journal`, { force: true });
		throw e;
	}
}

class Writer {
	private placeIds = new Map<string, number>();
	private placeSlugs = new Set<string>();
	private partnerIds = new Map<string, number>();
	private partnerSlugs = new Set<string>();
	private networkIds = new Map<string, number>();
	private countryInfo = new Map<string, { region: string; subregion: string }>();
	private existing = new Map<string, number>();
	private s;
	replaced = 0;
	inserted = 0;

	constructor(private db: Database.Database) {
		for (const r of db.prepare('SELECT id, key, slug FROM places').all() as { id: number; key: string; slug: string }[]) {
			this.placeIds.set(r.key, r.id);
			this.placeSlugs.add(r.slug);
		}
		for (const r of db.prepare('SELECT id, key, slug FROM partners').all() as { id: number; key: string; slug: string }[]) {
			this.partnerIds.set(r.key, r.id);
			this.partnerSlugs.add(r.slug);
		}
		for (const r of db.prepare('SELECT id, slug FROM networks').all() as { id: number; slug: string }[]) {
			this.networkIds.set(r.slug, r.id);
		}
		for (const r of db.prepare('SELECT iso2, region, subregion FROM countries').all() as { iso2: string; region: string; subregion: string }[]) {
			this.countryInfo.set(r.iso2, r);
		}
		for (const r of db.prepare('SELECT pk, id FROM engagements').all() as { pk: number; id: string }[]) {
			this.existing.set(r.id, r.pk);
		}
		this.s = {
			place: db.prepare(`INSERT INTO places (key, slug, name, label, kind, state_code, census_region, fips, geonames_id, lat, lon,
				population, office_name, office_url, office_staff, office_source_url)
				VALUES (@key, @slug, @name, @label, @kind, @stateCode, @censusRegion, @fips, @geonamesId, @lat, @lon,
				@population, @officeName, @officeUrl, @officeStaff, @officeSourceUrl)`),
			partner: db.prepare(`INSERT INTO partners (key, slug, kind, name, region_name, country, lat, lon, geonames_id, network_id)
				VALUES (@key, @slug, @kind, @name, @regionName, @country, @lat, @lon, @geonamesId, @networkId)`),
			network: db.prepare(`INSERT INTO networks (slug, name, url, issue_areas, summary, founded)
				VALUES (@slug, @name, @url, @issueAreas, @summary, @founded)
				ON CONFLICT(slug) DO UPDATE SET name = excluded.name, url = excluded.url, issue_areas = excluded.issue_areas,
				summary = excluded.summary, founded = excluded.founded`),
			engagement: db.prepare(`INSERT INTO engagements (pk, id, type, family, title, summary, start_date, start_precision,
				start_year, end_date, end_precision, end_year, status, end_reason, group_id, lead_place_id, lead_state, lead_kind,
				partner_id, partner_kind, partner_country, partner_world_region, partner_subregion, synthetic, source_file, source_line)
				VALUES (@pk, @id, @type, @family, @title, @summary, @startDate, @startPrecision, @startYear, @endDate, @endPrecision,
				@endYear, @status, @endReason, @groupId, @leadPlaceId, @leadState, @leadKind, @partnerId, @partnerKind,
				@partnerCountry, @partnerWorldRegion, @partnerSubregion, @synthetic, @sourceFile, @sourceLine)`),
			engagementPlace: db.prepare('INSERT INTO engagement_places (engagement_pk, place_id, role) VALUES (?, ?, ?)'),
			issue: db.prepare('INSERT INTO engagement_issues (engagement_pk, issue) VALUES (?, ?)'),
			source: db.prepare(`INSERT INTO sources (engagement_pk, position, url, title, publisher, kind, verification, as_of)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)`),
			del: [
				db.prepare('DELETE FROM engagement_places WHERE engagement_pk = ?'),
				db.prepare('DELETE FROM engagement_issues WHERE engagement_pk = ?'),
				db.prepare('DELETE FROM sources WHERE engagement_pk = ?'),
				db.prepare('DELETE FROM engagements WHERE pk = ?')
			]
		};
	}

	private uniqueSlug(base: string, taken: Set<string>): string {
		let slug = base || 'place';
		for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
		taken.add(slug);
		return slug;
	}

	network(n: NetworkInput) {
		this.s.network.run({ ...n, issueAreas: n.issueAreas.join(';') });
		if (!this.networkIds.has(n.slug)) {
			const r = this.db.prepare('SELECT id FROM networks WHERE slug = ?').get(n.slug) as { id: number };
			this.networkIds.set(n.slug, r.id);
		}
	}

	place(p: ResolvedPlace): number {
		const known = this.placeIds.get(p.key);
		if (known !== undefined) return known;
		const f = p.facts;
		const info = this.s.place.run({
			key: p.key,
			slug: this.uniqueSlug(p.slugBase, this.placeSlugs),
			name: p.name,
			label: p.label,
			kind: p.kind,
			stateCode: p.stateCode,
			censusRegion: p.censusRegion,
			fips: p.fips,
			geonamesId: p.geonamesId,
			lat: p.lat,
			lon: p.lon,
			population: p.population,
			officeName: f?.officeName ?? null,
			officeUrl: f?.officeUrl ?? null,
			officeStaff: f?.officeStaff ?? null,
			officeSourceUrl: f?.sourceUrl ?? null
		});
		const id = Number(info.lastInsertRowid);
		this.placeIds.set(p.key, id);
		return id;
	}

	partner(p: ResolvedPartner): number {
		const known = this.partnerIds.get(p.key);
		if (known !== undefined) return known;
		const info = this.s.partner.run({
			key: p.key,
			slug: this.uniqueSlug(p.slugBase, this.partnerSlugs),
			kind: p.kind,
			name: p.name,
			regionName: p.regionName,
			country: p.country,
			lat: p.lat,
			lon: p.lon,
			geonamesId: p.geonamesId,
			networkId: p.networkSlug ? (this.networkIds.get(p.networkSlug) ?? null) : null
		});
		const id = Number(info.lastInsertRowid);
		this.partnerIds.set(p.key, id);
		return id;
	}

	engagement(e: EngagementInput) {
		const placeIds = e.places.map((p) => this.place(p));
		const partnerId = this.partner(e.partnerRef);
		let pk = this.existing.get(e.id);
		if (pk !== undefined) {
			// Replace in place, keeping the row key, so that importing the same file twice changes nothing.
			for (const d of this.s.del) d.run(pk);
			this.replaced++;
		} else {
			this.inserted++;
		}
		const c = e.partnerRef.country ? this.countryInfo.get(e.partnerRef.country) : undefined;
		const info = this.s.engagement.run({
			pk: pk ?? null,
			id: e.id,
			type: e.type,
			family: e.family,
			title: e.title,
			summary: e.summary,
			startDate: e.start?.text ?? null,
			startPrecision: e.start?.precision ?? null,
			startYear: e.start?.year ?? null,
			endDate: e.end?.text ?? null,
			endPrecision: e.end?.precision ?? null,
			endYear: e.end?.year ?? null,
			status: e.status,
			endReason: e.endReason,
			groupId: e.group,
			leadPlaceId: placeIds[0],
			leadState: e.places[0].stateCode,
			leadKind: e.places[0].kind,
			partnerId,
			partnerKind: e.partnerRef.kind,
			partnerCountry: e.partnerRef.country,
			partnerWorldRegion: c?.region ?? null,
			partnerSubregion: c?.subregion ?? null,
			synthetic: e.synthetic ? 1 : 0,
			sourceFile: e.file,
			sourceLine: e.line
		});
		pk ??= Number(info.lastInsertRowid);
		this.existing.set(e.id, pk);
		placeIds.forEach((id, i) => this.s.engagementPlace.run(pk, id, i === 0 ? 'lead' : 'participant'));
		for (const issue of e.issues) this.s.issue.run(pk, issue);
		e.sources.forEach((s, i) => this.s.source.run(pk, i, s.url, s.title, s.publisher, s.kind, s.verification, s.asOf));
	}
}

function insertCountries(db: Database.Database, g: Gazetteer) {
	const st = db.prepare(`INSERT OR REPLACE INTO countries (iso2, iso3, numeric, name, region, subregion, lat, lon)
		VALUES (@iso2, @iso3, @numeric, @name, @region, @subregion, @lat, @lon)`);
	for (const c of g.allCountries()) st.run(c);
}

/** Rebuild the search index and drop places and partners nothing refers to any more. */
function finish(db: Database.Database, version: string, log: Log) {
	db.exec(`DELETE FROM places WHERE id NOT IN (SELECT place_id FROM engagement_places);
		DELETE FROM partners WHERE id NOT IN (SELECT partner_id FROM engagements);`);
	log('indexing text for search');
	db.exec(`DELETE FROM engagements_fts;
		INSERT INTO engagements_fts (rowid, title, summary, places, partner)
		SELECT e.pk, e.title, coalesce(e.summary, '') || ' ' || coalesce(e.end_reason, ''),
			(SELECT group_concat(p.label, ' ') FROM engagement_places ep JOIN places p ON p.id = ep.place_id WHERE ep.engagement_pk = e.pk),
			pa.name || ' ' || coalesce(pa.region_name, '') || ' ' || coalesce(c.name, '')
		FROM engagements e JOIN partners pa ON pa.id = e.partner_id LEFT JOIN countries c ON c.iso2 = pa.country;`);
	const setMeta = db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)');
	setMeta.run('dataset_version', version);
	setMeta.run('built_at', new Date().toISOString());
	setMeta.run('licence', LICENCE);
	setMeta.run('engagements', String((db.prepare('SELECT count(*) n FROM engagements').get() as { n: number }).n));
	db.exec('ANALYZE');
}

function summarise(db: Database.Database, w: Writer, version: string): WriteSummary {
	const n = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
	const byType: Record<string, number> = {};
	for (const r of db.prepare('SELECT type, count(*) n FROM engagements GROUP BY type ORDER BY type').all() as { type: string; n: number }[]) {
		byType[r.type] = r.n;
	}
	return {
		engagements: n('SELECT count(*) n FROM engagements'),
		inserted: w.inserted,
		replaced: w.replaced,
		places: n('SELECT count(*) n FROM places'),
		partners: n('SELECT count(*) n FROM partners'),
		countries: n('SELECT count(DISTINCT partner_country) n FROM engagements WHERE partner_country IS NOT NULL'),
		networks: n('SELECT count(*) n FROM networks'),
		byType,
		version
	};
}

function insertAll(db: Database.Database, networks: NetworkInput[], engagements: EngagementInput[], log: Log) {
	const w = new Writer(db);
	for (const n of networks) w.network(n);
	const step = engagements.length >= 20000 ? 10000 : Infinity;
	engagements.forEach((e, i) => {
		w.engagement(e);
		if ((i + 1) % step === 0) log(`wrote ${i + 1} of ${engagements.length} engagements`);
	});
	return w;
}

/** Build a new database at `dbPath` from a whole dataset. */
export function buildDatabase(
	dbPath: string,
	data: { networks: NetworkInput[]; engagements: EngagementInput[] },
	opts: { gazetteer: Gazetteer; version: string; log?: Log }
): WriteSummary {
	const log = opts.log ?? (() => {});
	let summary: WriteSummary | undefined;
	atomically(dbPath, 'empty', (db) => {
		migrate(drizzle(db), { migrationsFolder: MIGRATIONS_DIR });
		db.transaction(() => {
			insertCountries(db, opts.gazetteer);
			const w = insertAll(db, data.networks, data.engagements, log);
			finish(db, opts.version, log);
			summary = summarise(db, w, opts.version);
		})();
	});
	return summary!;
}

/** Merge engagements into an existing database (an id already there is replaced). */
export function mergeIntoDatabase(
	dbPath: string,
	data: { networks: NetworkInput[]; engagements: EngagementInput[] },
	opts: { gazetteer: Gazetteer; version: (previous: string) => string; log?: Log }
): WriteSummary {
	const log = opts.log ?? (() => {});
	let summary: WriteSummary | undefined;
	atomically(dbPath, existsSync(dbPath) ? 'copy' : 'empty', (db) => {
		migrate(drizzle(db), { migrationsFolder: MIGRATIONS_DIR });
		db.transaction(() => {
			insertCountries(db, opts.gazetteer);
			const prev = (db.prepare("SELECT value FROM meta WHERE key = 'dataset_version'").get() as { value: string } | undefined)?.value ?? '';
			const version = opts.version(prev);
			const w = insertAll(db, data.networks, data.engagements, log);
			finish(db, version, log);
			summary = summarise(db, w, version);
		})();
	});
	return summary!;
}
