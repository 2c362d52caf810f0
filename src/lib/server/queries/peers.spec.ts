/** The peer finder, neighbours and comparison on fixtures with hand-computed rankings (see tests/fixtures/README.md). */
import { describe, it, expect, beforeAll } from 'vitest';
import { openAtlas, type AtlasDb } from '../db/open';
import { findPeers, findNearby, parseKm, cosine, distanceKm, joinNames, DEFAULT_KM } from './peers';
import { parseCompareParam, resolveSlugs, comparePlaces } from './compare';
import { buildFixtureDb, PEERS_FIXTURE_DATA } from '../../../../tests/helpers/fixture-db';

let peersDb: AtlasDb;
let sharedDb: AtlasDb;
beforeAll(() => {
	peersDb = openAtlas(buildFixtureDb(PEERS_FIXTURE_DATA)).db;
	sharedDb = openAtlas(buildFixtureDb()).db;
});

const ranking = (db: AtlasDb, slug: string, opts = {}) => findPeers(db, slug, opts)!.peers.map((p) => [p.slug, p.score]);

describe('similarity', () => {
	it('is the cosine of count vectors', () => {
		expect(cosine(new Map([['a', 1], ['b', 1]]), new Map([['a', 1]]))).toBeCloseTo(Math.SQRT1_2, 9);
		expect(cosine(new Map([['a', 2]]), new Map([['b', 3]]))).toBe(0);
		expect(cosine(new Map(), new Map([['b', 3]]))).toBe(0);
	});
	it('names lists in plain English', () => {
		expect(joinNames(['Japan'])).toBe('Japan');
		expect(joinNames(['Japan', 'Mexico'])).toBe('Japan and Mexico');
		expect(joinNames(['A', 'B', 'C', 'D', 'E'])).toBe('A, B, C and 2 more');
	});
});

describe('peers', () => {
	it('rank the cities of comparable size by partner and type profile', () => {
		// 0.75 × cosine of partner counts + 0.25 × cosine of type counts, worked by hand in the fixture README.
		expect(ranking(peersDb, 'wa-seattle')).toEqual([
			['or-portland', 0.887],
			['il-chicago', 0.887],
			['wa-tacoma', 0.698],
			['wa-spokane', 0.612],
			['co-denver', 0.502],
			['ma-boston', 0.489]
		]);
	});

	it('keep to the population band: Chicago is too large for Tacoma', () => {
		const r = findPeers(peersDb, 'wa-tacoma')!;
		expect(r.band).toEqual({ min: Math.round(207948 / 4), max: 207948 * 4 });
		expect(r.peers.map((p) => [p.slug, p.score])).toEqual([
			['or-portland', 0.789],
			['wa-spokane', 0.707],
			['wa-seattle', 0.698],
			['co-denver', 0.552],
			['ma-boston', 0.125]
		]);
	});

	it('say why each is similar', () => {
		const why = Object.fromEntries(findPeers(peersDb, 'wa-seattle')!.peers.map((p) => [p.slug, p.why]));
		expect(why['or-portland']).toEqual(['both have sister ties in China, Japan and Mexico']);
		expect(why['wa-tacoma']).toEqual(['both have sister ties in Japan', 'both engage with Mexico']);
		expect(why['ma-boston']).toEqual(['both are members of C40 Cities']);
		expect(findPeers(peersDb, 'wa-tacoma')!.peers.find((p) => p.slug === 'ma-boston')!.why).toEqual(['a similar mix of engagements (sister relationship)']);
	});

	it('compare only places of the same kind', () => {
		expect(ranking(peersDb, 'wa')).toEqual([['or', 0.75]]);
		expect(findPeers(peersDb, 'wa')!.peers[0].why).toEqual(['both engage with Japan']);
	});

	it('widen with the band factor (shared fixture: Chicago is ten times Des Moines)', () => {
		expect(ranking(sharedDb, 'ia-des-moines')).toEqual([['wa-seattle', 0.177]]);
		expect(ranking(sharedDb, 'ia-des-moines', { bandFactor: 20 })).toEqual([['il-chicago', 1], ['wa-seattle', 0.177]]);
	});

	it('are undefined for an unknown place', () => {
		expect(findPeers(peersDb, 'nowhere')).toBeUndefined();
	});
});

describe('nearby places with the same partner countries', () => {
	it('lists most countries in common first, then the nearest', () => {
		const near = findNearby(peersDb, 'wa-seattle')!;
		expect(near.map((n) => [n.slug, n.shared.map((s) => s.iso2)])).toEqual([
			['or-portland', ['CN', 'JP', 'MX']],
			['wa-tacoma', ['JP', 'MX']],
			['wa', ['JP']]
		]);
		expect(near[0].distanceKm).toBeGreaterThan(225);
		expect(near[0].distanceKm).toBeLessThan(245);
		expect(near[0].shared.map((s) => s.name)).toEqual(['China', 'Japan', 'Mexico']);
	});

	it('follows the distance asked for', () => {
		expect(findNearby(peersDb, 'wa-seattle', { km: 400 })!.map((n) => n.slug)).toEqual(['or-portland', 'wa-tacoma', 'wa', 'wa-spokane']);
		expect(findNearby(peersDb, 'wa-seattle', { km: 30 })).toEqual([]);
	});

	it('measures great-circle distance', () => {
		// Seattle to Portland, OR: about 233 km.
		expect(distanceKm({ lat: 47.60621, lon: -122.33207 }, { lat: 45.52345, lon: -122.67621 })).toBeCloseTo(233.1, 0);
	});

	it('reads the km field', () => {
		expect(parseKm(null)).toEqual({ ok: true, km: DEFAULT_KM });
		expect(parseKm('')).toEqual({ ok: true, km: DEFAULT_KM });
		expect(parseKm('120')).toEqual({ ok: true, km: 120 });
		for (const bad of ['0', '-5', '12.5', 'far', '99999']) expect(parseKm(bad).ok).toBe(false);
	});
});

describe('comparison', () => {
	const place = (slug: string) => resolveSlugs(peersDb, [slug]).found[0];

	it('finds partner countries in common and unique to each, on one time scale', () => {
		const c = comparePlaces(peersDb, ['wa-seattle', 'or-portland', 'co-denver'].map(place));
		expect(c.common).toEqual([{ iso2: 'JP', name: 'Japan' }]);
		expect(c.places.map((p) => [p.place.slug, p.unique.map((u) => u.iso2)])).toEqual([
			['wa-seattle', []],
			['or-portland', []],
			['co-denver', ['KE']]
		]);
		expect(c.years).toEqual([1957, 2007]);
		expect(c.places[0].profile.byType).toEqual([{ key: 'sister_relationship', n: 3 }, { key: 'network_membership', n: 1 }]);
		expect(c.places[0].profile.total).toBe(4);
	});

	it('counts the busiest year of any place for the shared y scale', () => {
		const c = comparePlaces(sharedDb, resolveSlugs(sharedDb, ['wa-seattle', 'al']).found);
		expect(c.common).toEqual([{ iso2: 'JP', name: 'Japan' }]);
		expect(c.places[1].unique.map((u) => u.iso2)).toEqual(['DE']);
		expect(c.places[0].unique.map((u) => u.iso2)).toEqual(['MX']);
		expect(c.yMax).toBe(1);
		expect(c.years).toEqual([1957, 2025]);
	});

	it('names unknown slugs with close matches', () => {
		const r = resolveSlugs(peersDb, ['wa-seattle', 'wa-seatle', 'zz-nowhere-at-all', '<script>']);
		expect(r.found.map((p) => p.slug)).toEqual(['wa-seattle']);
		expect(r.unknown.map((u) => u.slug)).toEqual(['wa-seatle', 'zz-nowhere-at-all', '<script>']);
		expect(r.unknown[0].suggestions.map((s) => s.slug)).toContain('wa-seattle');
	});

	it('parses the places parameter', () => {
		expect(parseCompareParam(new URLSearchParams('places=wa-seattle,OR-Portland,wa-seattle'))).toEqual({ ok: true, slugs: ['wa-seattle', 'or-portland'] });
		expect(parseCompareParam(new URLSearchParams(''))).toEqual({ ok: true, slugs: [] });
		expect(parseCompareParam(new URLSearchParams('places=a,b,c,d,e,f')).ok).toBe(false);
		expect(parseCompareParam(new URLSearchParams('places=a&places=b')).ok).toBe(false);
	});
});
