/**
 * An in-memory facet index of the engagements: one small typed array per filter column, rows kept in the list's
 * order (newest first). Counting a filter is then one pass over typed arrays, a millisecond or two at 100,000
 * engagements, instead of a dozen SQL scans; and the first page of the list is the first matching rows.
 *
 * It is built with one read of the database per dataset version and cached per connection (a new build renamed
 * over the file gets a new connection, hence a new index). Free text still goes through SQLite FTS5. The SQL
 * versions in stats.ts remain the reference: facets.spec.ts checks that both agree on random filters.
 */
import type Database from 'better-sqlite3';
import type { AtlasDb } from '../db/open';
import type { Filters } from '$lib/filters';
import { TYPE_IDS, STATUS_IDS, ISSUE_IDS, PLACE_KINDS } from '$lib/taxonomy';
import { STATES } from '$lib/states';
import { ftsQuery } from './where';
import type { Stats } from './stats';
import type { MapPlacePoint } from '$lib/map/types';

const NONE = 0xffff;
const YEAR0 = 1800;
const YEARS = 301;

interface Dict {
	values: string[];
	index: Map<string, number>;
}
function dict(values: string[]): Dict {
	return { values, index: new Map(values.map((v, i) => [v, i])) };
}

export class FacetIndex {
	readonly n: number;
	readonly pk: Int32Array;
	readonly type: Uint8Array;
	readonly status: Uint8Array;
	readonly kind: Uint8Array;
	readonly state: Uint8Array;
	readonly country: Uint16Array;
	readonly region: Uint16Array;
	readonly subregion: Uint16Array;
	readonly year: Int16Array;
	readonly issues: Uint16Array;
	readonly placeStart: Int32Array;
	readonly placeIds: Int32Array;
	readonly partner: Int32Array;
	readonly maxPlaceId: number;
	readonly maxPartnerId: number;
	readonly countries: Dict;
	readonly countryNames: Map<string, string>;
	readonly regions: Dict;
	private rowOfPk = new Map<number, number>();
	/** Points and names of places, partners and countries, for the map's lists. */
	readonly placeInfo = new Map<number, { slug: string; label: string; kind: string; stateCode: string; lat: number; lon: number }>();
	readonly partnerInfo = new Map<number, { slug: string; name: string; kind: string; country: string | null; lat: number | null; lon: number | null }>();
	readonly countryInfo = new Map<string, { numeric: string; name: string; lat: number; lon: number }>();
	private readonly client: Database.Database;

	constructor(client: Database.Database) {
		this.client = client;
		const rows = client
			.prepare(
				`SELECT pk, type, status, lead_kind, lead_state, partner_country, partner_world_region, partner_subregion,
					start_year, partner_id FROM engagements ORDER BY start_year IS NULL, start_date DESC, id ASC`
			)
			.raw()
			.all() as [number, string, string, string, string, string | null, string | null, string | null, number | null, number][];
		const n = rows.length;
		this.n = n;
		this.pk = new Int32Array(n);
		this.type = new Uint8Array(n);
		this.status = new Uint8Array(n);
		this.kind = new Uint8Array(n);
		this.state = new Uint8Array(n);
		this.country = new Uint16Array(n);
		this.region = new Uint16Array(n);
		this.subregion = new Uint16Array(n);
		this.year = new Int16Array(n);
		this.issues = new Uint16Array(n);
		this.partner = new Int32Array(n);
		const countryCodes = (client.prepare('SELECT iso2, name FROM countries ORDER BY iso2').all() as { iso2: string; name: string }[]);
		this.countries = dict(countryCodes.map((c) => c.iso2));
		this.countryNames = new Map(countryCodes.map((c) => [c.iso2, c.name]));
		const regionNames = new Set<string>();
		for (const r of rows) {
			if (r[6] !== null) regionNames.add(r[6]);
			if (r[7] !== null) regionNames.add(r[7]);
		}
		this.regions = dict([...regionNames].sort());
		const types = dict([...TYPE_IDS]);
		const statuses = dict([...STATUS_IDS]);
		const kinds = dict([...PLACE_KINDS]);
		const states = dict(STATES.map((s) => s.code));
		let maxPartner = 0;
		rows.forEach((r, i) => {
			this.pk[i] = r[0];
			this.rowOfPk.set(r[0], i);
			this.type[i] = types.index.get(r[1]) ?? 255;
			this.status[i] = statuses.index.get(r[2]) ?? 255;
			this.kind[i] = kinds.index.get(r[3]) ?? 255;
			this.state[i] = states.index.get(r[4]) ?? 255;
			this.country[i] = r[5] === null ? NONE : (this.countries.index.get(r[5]) ?? NONE);
			this.region[i] = r[6] === null ? NONE : this.regions.index.get(r[6])!;
			this.subregion[i] = r[7] === null ? NONE : this.regions.index.get(r[7])!;
			this.year[i] = r[8] ?? 0;
			this.partner[i] = r[9];
			if (r[9] > maxPartner) maxPartner = r[9];
		});
		this.maxPartnerId = maxPartner;
		const bit = new Map(ISSUE_IDS.map((id, k) => [id, 1 << k]));
		for (const [pk, issue] of client.prepare('SELECT engagement_pk, issue FROM engagement_issues').raw().all() as [number, string][]) {
			const i = this.rowOfPk.get(pk);
			if (i !== undefined) this.issues[i] |= bit.get(issue as (typeof ISSUE_IDS)[number]) ?? 0;
		}
		// Places of each row (lead first), as one flat list with offsets.
		const lists: number[][] = Array.from({ length: n }, () => []);
		let maxPlace = 0;
		for (const [pk, place] of client.prepare("SELECT engagement_pk, place_id FROM engagement_places ORDER BY role = 'participant'").raw().all() as [number, number][]) {
			const i = this.rowOfPk.get(pk);
			if (i === undefined) continue;
			lists[i].push(place);
			if (place > maxPlace) maxPlace = place;
		}
		this.maxPlaceId = maxPlace;
		this.placeStart = new Int32Array(n + 1);
		let total = 0;
		for (let i = 0; i < n; i++) {
			this.placeStart[i] = total;
			total += lists[i].length;
		}
		this.placeStart[n] = total;
		this.placeIds = new Int32Array(total);
		for (let i = 0; i < n; i++) this.placeIds.set(lists[i], this.placeStart[i]);
		type PlaceRow = { id: number; slug: string; label: string; kind: string; stateCode: string; lat: number; lon: number };
		for (const { id, ...p } of client.prepare('SELECT id, slug, label, kind, state_code stateCode, lat, lon FROM places').all() as PlaceRow[]) {
			this.placeInfo.set(id, p);
		}
		type PartnerRow = { id: number; slug: string; name: string; kind: string; country: string | null; lat: number | null; lon: number | null };
		for (const { id, ...p } of client.prepare('SELECT id, slug, name, kind, country, lat, lon FROM partners').all() as PartnerRow[]) {
			this.partnerInfo.set(id, p);
		}
		for (const c of client.prepare('SELECT iso2, numeric, name, lat, lon FROM countries').all() as { iso2: string; numeric: string; name: string; lat: number; lon: number }[]) {
			this.countryInfo.set(c.iso2, c);
		}
	}

	count(f: Filters): number {
		const m = this.match(f);
		let n = 0;
		for (let i = 0; i < this.n; i++) n += m[i];
		return n;
	}

	private last: { key: string; mask: Uint8Array } | undefined;

	/**
	 * The rows matching a filter, as a 0/1 mask in list order. One request asks for the same filter's counts,
	 * page and map points in a row, so the last mask is kept (callers only read it).
	 */
	match(f: Filters): Uint8Array {
		const key = JSON.stringify(f);
		if (this.last?.key !== key) this.last = { key, mask: this.computeMask(f) };
		return this.last.mask;
	}

	private computeMask(f: Filters): Uint8Array {
		const n = this.n;
		const out = new Uint8Array(n);
		const allow = (list: readonly string[], values: readonly string[], size: number) => {
			if (values.length === 0) return null;
			const a = new Uint8Array(size + 1);
			for (const v of values) {
				const k = list.indexOf(v);
				if (k >= 0) a[k] = 1;
			}
			return a;
		};
		const types = allow(TYPE_IDS, f.type, 256);
		const statuses = allow(STATUS_IDS, f.status, 256);
		const kinds = allow(PLACE_KINDS, f.kind, 256);
		// States: the same rules as whereFor (census regions widen the list, or narrow it when both are given).
		let stateCodes: string[] | null = null;
		if (f.state.length && f.census.length) stateCodes = f.state.filter((s) => f.census.includes(STATES.find((x) => x.code === s)?.region ?? ''));
		else if (f.census.length) stateCodes = [...f.state, ...STATES.filter((s) => f.census.includes(s.region)).map((s) => s.code)];
		else if (f.state.length) stateCodes = f.state;
		// An explicit empty list (states named, none in the regions named) matches nothing, as in SQL.
		const states = stateCodes === null ? null : stateCodes.length ? allow(STATES.map((s) => s.code), stateCodes, 256) : new Uint8Array(257);
		const countries = f.country.length ? new Uint8Array(NONE + 1) : null;
		if (countries) for (const c of f.country) { const k = this.countries.index.get(c); if (k !== undefined) countries[k] = 1; }
		const regions = f.region.length ? new Uint8Array(NONE + 1) : null;
		if (regions) for (const r of f.region) { const k = this.regions.index.get(r); if (k !== undefined) regions[k] = 1; }
		let issueMask = 0;
		for (const id of f.issue) issueMask |= 1 << ISSUE_IDS.indexOf(id);
		const from = f.from;
		const to = f.to;
		let text: Uint8Array | null = null;
		if (f.q) {
			text = new Uint8Array(n);
			const m = ftsQuery(f.q);
			if (m) {
				for (const [pk] of this.client.prepare('SELECT rowid FROM engagements_fts WHERE engagements_fts MATCH ?').raw().all(m) as [number][]) {
					const i = this.rowOfPk.get(pk);
					if (i !== undefined) text[i] = 1;
				}
			}
		}
		for (let i = 0; i < n; i++) {
			if (types && !types[this.type[i]]) continue;
			if (statuses && !statuses[this.status[i]]) continue;
			if (kinds && !kinds[this.kind[i]]) continue;
			if (states && !states[this.state[i]]) continue;
			if (countries && !countries[this.country[i]]) continue;
			if (regions && !regions[this.region[i]] && !regions[this.subregion[i]]) continue;
			if (from !== null && (this.year[i] === 0 || this.year[i] < from)) continue;
			if (to !== null && (this.year[i] === 0 || this.year[i] > to)) continue;
			if (issueMask && !(this.issues[i] & issueMask)) continue;
			if (text && !text[i]) continue;
			out[i] = 1;
		}
		return out;
	}

	stats(f: Filters): Stats {
		const m = this.match(f);
		const t = new Int32Array(256);
		const st = new Int32Array(256);
		const k = new Int32Array(256);
		const s = new Int32Array(256);
		const c = new Int32Array(NONE + 1);
		const r = new Int32Array(NONE + 1);
		const sr = new Int32Array(NONE + 1);
		const y = new Int32Array(YEARS);
		const iss = new Int32Array(ISSUE_IDS.length);
		const seenPlace = new Uint8Array(this.maxPlaceId + 1);
		let total = 0;
		let places = 0;
		for (let i = 0; i < this.n; i++) {
			if (!m[i]) continue;
			total++;
			t[this.type[i]]++;
			st[this.status[i]]++;
			k[this.kind[i]]++;
			s[this.state[i]]++;
			c[this.country[i]]++;
			r[this.region[i]]++;
			sr[this.subregion[i]]++;
			if (this.year[i]) y[this.year[i] - YEAR0]++;
			const bits = this.issues[i];
			if (bits) for (let b = 0; b < ISSUE_IDS.length; b++) if (bits & (1 << b)) iss[b]++;
			for (let p = this.placeStart[i]; p < this.placeStart[i + 1]; p++) {
				const id = this.placeIds[p];
				if (!seenPlace[id]) {
					seenPlace[id] = 1;
					places++;
				}
			}
		}
		const byCount = <K extends string | null>(a: { key: K; n: number }[]) =>
			a.filter((x) => x.n > 0).sort((p, q) => q.n - p.n || cmpKey(p.key, q.key));
		const from = (counts: Int32Array, values: readonly string[]) => byCount(values.map((key, i) => ({ key, n: counts[i] })));
		const withNull = (counts: Int32Array, values: readonly string[]) =>
			byCount<string | null>([...values.map((key, i) => ({ key, n: counts[i] })), { key: null, n: counts[NONE] }]);
		const countryRows = this.countries.values
			.map((key, i) => ({ key, name: this.countryNames.get(key)!, n: c[i] }))
			.filter((x) => x.n > 0)
			.sort((p, q) => q.n - p.n || cmpKey(p.key, q.key));
		const byYear: { key: number; n: number }[] = [];
		for (let i = 0; i < YEARS; i++) if (y[i]) byYear.push({ key: YEAR0 + i, n: y[i] });
		return {
			total,
			places,
			countries: countryRows.length,
			byType: from(t, TYPE_IDS),
			byStatus: from(st, STATUS_IDS),
			byYear,
			byCountry: countryRows,
			byState: from(s, STATES.map((x) => x.code)),
			byIssue: from(iss, ISSUE_IDS),
			byKind: from(k, PLACE_KINDS),
			byRegion: withNull(r, this.regions.values),
			bySubregion: withNull(sr, this.regions.values)
		};
	}

	/** Row keys (engagements.pk) of one page of the list, newest first. */
	page(f: Filters, offset: number, limit: number): number[] {
		const m = this.match(f);
		const out: number[] = [];
		let skipped = 0;
		for (let i = 0; i < this.n && out.length < limit; i++) {
			if (!m[i]) continue;
			if (skipped < offset) skipped++;
			else out.push(this.pk[i]);
		}
		return out;
	}

	private byId?: { rows: Int32Array; ids: string[] };

	/**
	 * Row keys of the matching engagements in id order, after the id `after` (exclusive), at most `limit`: the
	 * API's keyset pages. Walking the id order in memory replaces a filtered SQL scan per request.
	 */
	pageById(f: Filters, after: string | null, limit: number): number[] {
		const m = this.match(f);
		const { rows, ids } = (this.byId ??= this.idOrder());
		let k = 0;
		if (after !== null) {
			// Ids are ASCII (the importer's rule), so JavaScript's comparison orders them as SQLite's BINARY does.
			let hi = ids.length;
			while (k < hi) {
				const mid = (k + hi) >> 1;
				if (ids[mid] <= after) k = mid + 1;
				else hi = mid;
			}
		}
		const out: number[] = [];
		for (; k < rows.length && out.length < limit; k++) if (m[rows[k]]) out.push(this.pk[rows[k]]);
		return out;
	}

	private idOrder(): { rows: Int32Array; ids: string[] } {
		const all = this.client.prepare('SELECT pk, id FROM engagements ORDER BY id').raw().all() as [number, string][];
		const rows = new Int32Array(all.length);
		all.forEach(([pk], k) => (rows[k] = this.rowOfPk.get(pk)!));
		return { rows, ids: all.map((r) => r[1]) };
	}

	/** The places with matching engagements, with their counts, busiest first: the map's place points. */
	placePoints(f: Filters): MapPlacePoint[] {
		const counts = this.countsByPlace(f);
		const out: MapPlacePoint[] = [];
		counts.forEach((n, id) => {
			const p = n ? this.placeInfo.get(id) : undefined;
			if (p) out.push({ ...p, n });
		});
		return out.sort(busiestFirst);
	}

	/**
	 * The map's points as fixed lists (places by id, partners with a position by id) and a filter's counts over
	 * them as flat [index, n, …] pairs: the browser keeps the lists and its clusters, and a filter sends only counts.
	 */
	get mapPlaces(): number[] {
		return (this.placeOrder ??= [...this.placeInfo.keys()].sort((a, b) => a - b));
	}
	get mapPartners(): number[] {
		return (this.partnerOrder ??= [...this.partnerInfo].filter(([, p]) => p.lat !== null && p.lon !== null).map(([id]) => id).sort((a, b) => a - b));
	}
	placeCounts(f: Filters): number[] {
		return pairs(this.mapPlaces, this.countsByPlace(f));
	}
	partnerCounts(f: Filters): number[] {
		const m = this.match(f);
		const counts = new Int32Array(this.maxPartnerId + 1);
		for (let i = 0; i < this.n; i++) if (m[i]) counts[this.partner[i]]++;
		return pairs(this.mapPartners, counts);
	}
	private placeOrder?: number[];
	private partnerOrder?: number[];

	/** Matching engagements per place id (an engagement counts for each of its places). */
	private countsByPlace(f: Filters): Int32Array {
		const m = this.match(f);
		const counts = new Int32Array(this.maxPlaceId + 1);
		for (let i = 0; i < this.n; i++) {
			if (!m[i]) continue;
			for (let p = this.placeStart[i]; p < this.placeStart[i + 1]; p++) counts[this.placeIds[p]]++;
		}
		return counts;
	}
}

function pairs(order: number[], counts: Int32Array): number[] {
	const out: number[] = [];
	order.forEach((id, i) => {
		if (counts[id]) out.push(i, counts[id]);
	});
	return out;
}

function busiestFirst(a: { n: number; slug: string }, b: { n: number; slug: string }): number {
	return b.n - a.n || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0);
}

/** SQLite's default ordering of the group keys: NULL first, then by code unit. */
function cmpKey(a: string | null, b: string | null): number {
	if (a === b) return 0;
	if (a === null) return -1;
	if (b === null) return 1;
	return a < b ? -1 : 1;
}

const cache = new WeakMap<object, FacetIndex>();

/** The facet index of a connection, built on first use. */
export function facets(db: AtlasDb): FacetIndex {
	const client = (db as unknown as { $client: Database.Database }).$client;
	let ix = cache.get(client);
	if (!ix) {
		ix = new FacetIndex(client);
		cache.set(client, ix);
	}
	return ix;
}
