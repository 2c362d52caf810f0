/**
 * The peer finder. A place's profile is two count vectors over the engagements it takes part in (lead or
 * participant): its partners (countries, and networks for memberships) and its engagement types. Peers are the
 * places of the same kind and a comparable population whose profiles point the same way (cosine similarity),
 * each with the reasons in words. Nearby places are those within a distance that share a partner country: the
 * candidates for a joint mission.
 *
 * Profiles are read with one grouped query and kept per open database, so a new build (a new connection) gets
 * fresh ones and a page view costs a pass over the places, not a query per place.
 */
import { sql } from 'drizzle-orm';
import type { AtlasDb } from '../db/open';
import { typeLabel } from '$lib/taxonomy';

/** How much of the score comes from partners (the rest from types): sharing Japan says more than sharing "sister ties". */
export const PARTNER_WEIGHT = 0.75;
/** Peers have a population within this factor of the place's (both ways), when both populations are known. */
export const BAND_FACTOR = 4;
export const DEFAULT_KM = 300;
export const MAX_KM = 5000;

export interface ProfilePlace {
	id: number;
	slug: string;
	label: string;
	kind: string;
	stateCode: string;
	population: number | null;
	lat: number;
	lon: number;
}

interface Profile {
	place: ProfilePlace;
	/** `c:JP` for a partner country, `n:c40` for a network. */
	partners: Map<string, number>;
	types: Map<string, number>;
	/** Partner countries by type: type → countries. */
	pairs: Map<string, Set<string>>;
	countries: Set<string>;
	total: number;
}

interface Profiles {
	bySlug: Map<string, Profile>;
	list: Profile[];
	countryNames: Map<string, string>;
	networkNames: Map<string, string>;
}

const cache = new WeakMap<AtlasDb, Profiles>();

function loadProfiles(db: AtlasDb): Profiles {
	const hit = cache.get(db);
	if (hit) return hit;
	const places = db.all(sql`SELECT id, slug, label, kind, state_code stateCode, population, lat, lon FROM places ORDER BY slug`) as ProfilePlace[];
	const rows = db.all(sql`
		SELECT ep.place_id placeId, e.type type, e.partner_country country, n.slug network, count(*) n
		FROM engagement_places ep
		JOIN engagements e ON e.pk = ep.engagement_pk
		JOIN partners p ON p.id = e.partner_id
		LEFT JOIN networks n ON n.id = p.network_id
		GROUP BY ep.place_id, e.type, e.partner_country, n.slug`) as { placeId: number; type: string; country: string | null; network: string | null; n: number }[];
	const byId = new Map<number, Profile>();
	const list: Profile[] = places.map((place) => {
		const p: Profile = { place, partners: new Map(), types: new Map(), pairs: new Map(), countries: new Set(), total: 0 };
		byId.set(place.id, p);
		return p;
	});
	const add = (m: Map<string, number>, k: string, n: number) => m.set(k, (m.get(k) ?? 0) + n);
	for (const r of rows) {
		const p = byId.get(r.placeId);
		if (!p) continue;
		p.total += r.n;
		add(p.types, r.type, r.n);
		if (r.country) {
			add(p.partners, `c:${r.country}`, r.n);
			p.countries.add(r.country);
			const set = p.pairs.get(r.type) ?? new Set<string>();
			set.add(r.country);
			p.pairs.set(r.type, set);
		} else if (r.network) add(p.partners, `n:${r.network}`, r.n);
	}
	const countryNames = new Map((db.all(sql`SELECT iso2, name FROM countries`) as { iso2: string; name: string }[]).map((c) => [c.iso2, c.name]));
	const networkNames = new Map((db.all(sql`SELECT slug, name FROM networks`) as { slug: string; name: string }[]).map((c) => [c.slug, c.name]));
	const profiles = { bySlug: new Map(list.map((p) => [p.place.slug, p])), list, countryNames, networkNames };
	cache.set(db, profiles);
	return profiles;
}

export function cosine(a: Map<string, number>, b: Map<string, number>): number {
	let dot = 0;
	let na = 0;
	let nb = 0;
	for (const [k, v] of a) {
		na += v * v;
		const w = b.get(k);
		if (w) dot += v * w;
	}
	for (const v of b.values()) nb += v * v;
	return na && nb ? dot / Math.sqrt(na * nb) : 0;
}

/** What "both …" says for two places that share partner countries in one type of engagement. */
const BOTH_VERB: Record<string, string> = {
	sister_relationship: 'have sister ties in',
	friendship_agreement: 'have friendship agreements in',
	cooperation_agreement: 'have cooperation agreements with',
	project_partnership: 'have project partnerships in',
	outgoing_mission: 'sent missions to',
	incoming_delegation: 'received delegations from',
	event_or_summit: 'took part in events in',
	pledge_or_declaration: 'signed pledges with partners in',
	office_abroad: 'have offices in',
	legislative_action: 'passed laws about'
};

/** "Japan", "Japan and Mexico", "Japan, Mexico and China", "Japan, Mexico, China and 2 more". */
export function joinNames(names: string[], max = 3): string {
	if (names.length <= 1) return names[0] ?? '';
	if (names.length > max + 1) return `${names.slice(0, max).join(', ')} and ${names.length - max} more`;
	return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

function reasons(a: Profile, b: Profile, names: Profiles): string[] {
	const out: string[] = [];
	const explained = new Set<string>();
	// Types in the order of how much the two places do of them together.
	const types = [...a.pairs.keys()].filter((t) => b.pairs.has(t)).sort((x, y) => (b.types.get(y)! + a.types.get(y)!) - (b.types.get(x)! + a.types.get(x)!) || x.localeCompare(y));
	for (const t of types) {
		const shared = [...a.pairs.get(t)!].filter((c) => b.pairs.get(t)!.has(c));
		if (!shared.length) continue;
		const byWeight = shared.sort((x, y) => (a.partners.get(`c:${y}`)! + b.partners.get(`c:${y}`)!) - (a.partners.get(`c:${x}`)! + b.partners.get(`c:${x}`)!) || x.localeCompare(y));
		out.push(`both ${BOTH_VERB[t] ?? `have ${typeLabel(t).toLowerCase()} in`} ${joinNames(byWeight.map((c) => names.countryNames.get(c) ?? c))}`);
		for (const c of shared) explained.add(c);
	}
	const otherCountries = [...a.countries].filter((c) => b.countries.has(c) && !explained.has(c)).sort();
	if (otherCountries.length) out.push(`both engage with ${joinNames(otherCountries.map((c) => names.countryNames.get(c) ?? c))}`);
	const networks = [...a.partners.keys()].filter((k) => k.startsWith('n:') && b.partners.has(k)).map((k) => names.networkNames.get(k.slice(2)) ?? k.slice(2)).sort();
	if (networks.length) out.push(`both are members of ${joinNames(networks)}`);
	if (!out.length) {
		const sharedTypes = [...a.types.keys()].filter((t) => b.types.has(t)).map((t) => typeLabel(t).toLowerCase());
		if (sharedTypes.length) out.push(`a similar mix of engagements (${joinNames(sharedTypes)})`);
	}
	return out;
}

export interface Peer {
	slug: string;
	label: string;
	kind: string;
	stateCode: string;
	population: number | null;
	/** 0..1, rounded to three places. */
	score: number;
	sharedCountries: string[];
	why: string[];
}

export interface PeerResult {
	/** The population range searched, or null when the place's population is unknown (no band then). */
	band: { min: number; max: number } | null;
	peers: Peer[];
}

function inBand(p: number | null, band: PeerResult['band']): boolean {
	return !band || p === null || (p >= band.min && p <= band.max);
}

/**
 * Places of the same kind, within the population band, ranked by similarity of profile. Ties go to the closer
 * population, then to the slug, so the order is stable. Places that share nothing (score 0) are left out.
 */
export function findPeers(db: AtlasDb, slug: string, opts: { limit?: number; bandFactor?: number } = {}): PeerResult | undefined {
	const all = loadProfiles(db);
	const me = all.bySlug.get(slug);
	if (!me) return undefined;
	const factor = opts.bandFactor ?? BAND_FACTOR;
	const pop = me.place.population;
	const band = pop ? { min: Math.round(pop / factor), max: Math.round(pop * factor) } : null;
	const scored = all.list
		.filter((p) => p !== me && p.place.kind === me.place.kind && p.total > 0 && inBand(p.place.population, band))
		.map((p) => ({
			p,
			score: PARTNER_WEIGHT * cosine(me.partners, p.partners) + (1 - PARTNER_WEIGHT) * cosine(me.types, p.types),
			popGap: pop && p.place.population ? Math.abs(Math.log(p.place.population / pop)) : Infinity
		}))
		.filter((x) => x.score > 1e-9)
		.sort((x, y) => y.score - x.score || x.popGap - y.popGap || x.p.place.slug.localeCompare(y.p.place.slug))
		.slice(0, opts.limit ?? 10);
	return {
		band,
		peers: scored.map(({ p, score }) => ({
			slug: p.place.slug,
			label: p.place.label,
			kind: p.place.kind,
			stateCode: p.place.stateCode,
			population: p.place.population,
			score: Math.round(score * 1000) / 1000,
			sharedCountries: [...me.countries].filter((c) => p.countries.has(c)).sort(),
			why: reasons(me, p, all)
		}))
	};
}

const EARTH_KM = 6371.0088;

/** Great-circle distance in km (haversine). */
export function distanceKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
	const rad = Math.PI / 180;
	const dLat = (b.lat - a.lat) * rad;
	const dLon = (b.lon - a.lon) * rad;
	const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
	return 2 * EARTH_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

export interface Neighbour {
	slug: string;
	label: string;
	kind: string;
	distanceKm: number;
	shared: { iso2: string; name: string }[];
}

/**
 * Places of any kind within `km` of this one that engage with at least one of its partner countries: most
 * countries in common first, then the nearest.
 */
export function findNearby(db: AtlasDb, slug: string, opts: { km?: number; limit?: number } = {}): Neighbour[] | undefined {
	const all = loadProfiles(db);
	const me = all.bySlug.get(slug);
	if (!me) return undefined;
	const km = opts.km ?? DEFAULT_KM;
	if (!me.countries.size) return [];
	return all.list
		.filter((p) => p !== me && p.countries.size)
		.map((p) => ({ p, d: distanceKm(me.place, p.place) }))
		.filter((x) => x.d <= km)
		.map(({ p, d }) => ({
			slug: p.place.slug,
			label: p.place.label,
			kind: p.place.kind,
			distanceKm: Math.round(d),
			shared: [...me.countries]
				.filter((c) => p.countries.has(c))
				.map((iso2) => ({ iso2, name: all.countryNames.get(iso2) ?? iso2 }))
				.sort((a, b) => a.name.localeCompare(b.name))
		}))
		.filter((n) => n.shared.length)
		.sort((a, b) => b.shared.length - a.shared.length || a.distanceKm - b.distanceKm || a.slug.localeCompare(b.slug))
		.slice(0, opts.limit ?? 25);
}

/** Read the `km` form field: a whole number of kilometres, 1 to MAX_KM; absent or empty means the default. */
export function parseKm(value: string | null): { ok: true; km: number } | { ok: false; message: string } {
	if (value === null || value.trim() === '') return { ok: true, km: DEFAULT_KM };
	const v = value.trim();
	if (!/^\d{1,5}$/.test(v) || Number(v) < 1 || Number(v) > MAX_KM) {
		return { ok: false, message: `km: expected a distance in whole kilometres from 1 to ${MAX_KM}, got "${v.slice(0, 20)}"` };
	}
	return { ok: true, km: Number(v) };
}
