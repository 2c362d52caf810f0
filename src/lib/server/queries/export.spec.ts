/** The API's engagement queries and exports on the fixture database: paging, plans, CSV round trip, arcs. */
import { describe, it, expect, beforeAll } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openAtlas, type AtlasDb } from '../db/open';
import { engagementsAfter, engagementsAfterSql, countMatching, countMatchingSql, chunksOf, type ApiEngagement } from './export';
import { countriesFor } from './countries';
import { networksFor } from './networks';
import { stats } from './stats';
import { csvHeader, csvRows, plainNumber } from '../export/csv';
import { arc, geometryOf } from '../export/geojson';
import { parseFilters, emptyFilters, type Filters } from '$lib/filters';
import { runImport } from '$lib/import/run';
import { buildFixtureDb, FIXTURE_DATA } from '../../../../tests/helpers/fixture-db';

let db: AtlasDb;
beforeAll(() => {
	db = openAtlas(buildFixtureDb()).db;
});

const filter = (qs: string): Filters => {
	const r = parseFilters(new URLSearchParams(qs));
	if (!r.ok) throw new Error(JSON.stringify(r.errors));
	return r.filters;
};
const FILTERS = ['', 'type=sister_relationship', 'country=JP', 'state=WA', 'issue=economy_trade', 'q=seattle', 'status=suspended&from=1990', 'region=Europe'];

describe('paging in id order', () => {
	for (const qs of FILTERS) {
		it(`walks ${qs || '(no filter)'} to the end a row at a time, without loss or repeat`, () => {
			const f = filter(qs);
			const seen: string[] = [];
			let after: string | null = null;
			// Bounded, so a cursor that fails to advance fails the test instead of hanging it.
			for (let step = 0; step <= 10_000; step++) {
				expect(step).toBeLessThan(10_000);
				const page = engagementsAfter(db, f, after, 2);
				if (page.length === 0) break;
				seen.push(...page.map((x) => x.id));
				after = page[page.length - 1].id;
			}
			expect(seen.length).toBe(countMatching(db, f));
			expect(new Set(seen).size).toBe(seen.length);
			expect([...seen].sort()).toEqual(seen);
			expect([...chunksOf(db, f, 3)].flat().map((x) => x.id)).toEqual(seen);
		});
		it(`gives the same pages and count through the facet index as through SQL alone (${qs || 'no filter'})`, () => {
			const f = filter(qs);
			expect(countMatching(db, f)).toBe(countMatchingSql(db, f));
			for (const after of [null, 'm', 'sister:', 'sister:wa-seattle', 'zzz']) {
				for (const limit of [1, 3, 1000]) expect(engagementsAfter(db, f, after, limit)).toEqual(engagementsAfterSql(db, f, after, limit));
			}
		});
	}
});

describe('counts agree with stats', () => {
	for (const qs of FILTERS) {
		it(qs || '(no filter)', () => {
			const f = filter(qs);
			const s = stats(db, f);
			const rows = [...chunksOf(db, f)].flat();
			expect(s.total).toBe(rows.length);
			expect(countriesFor(db, f).reduce((a, c) => a + c.n, 0)).toBe(rows.filter((x) => x.partner.country !== null).length);
			expect(networksFor(db, f).reduce((a, c) => a + c.n, 0)).toBe(rows.filter((x) => x.partner.kind === 'network').length);
			expect(s.byCountry.reduce((a, c) => a + c.n, 0)).toBe(rows.filter((x) => x.partner.country !== null).length);
		});
	}
});

describe('records', () => {
	it('carry places with roles and points, the partner with its point, issues and every source', () => {
		const [x] = engagementsAfter(db, filter('q=king county'), null, 1);
		expect(x.id).toBe('coop:wa-king-county:mx');
		expect(x.places.map((p) => [p.slug, p.role])).toEqual([['wa-king-county', 'lead'], ['wa-seattle', 'participant']]);
		expect(x.lead_place.lat).toBeGreaterThan(47);
		expect(x.partner).toMatchObject({ kind: 'country', country: 'MX', country_name: 'Mexico' });
		const [kobe] = engagementsAfter(db, filter('q=kobe'), null, 1);
		expect(kobe.sources).toHaveLength(2);
		expect(kobe.partner.geonames_id).toBeGreaterThan(0);
	});
});

describe('CSV export', () => {
	it('writes plain decimals the importer accepts', () => {
		expect(plainNumber(1e-7)).toBe('0.0000001');
		expect(plainNumber(-122.33207)).toBe('-122.33207');
		expect(plainNumber(null)).toBe('');
	});

	it('re-imports into an empty database with the same records', () => {
		const all = [...chunksOf(db, emptyFilters())].flat();
		const dir = mkdtempSync(join(tmpdir(), 'atlas-roundtrip-'));
		const file = join(dir, 'export.csv');
		writeFileSync(file, csvHeader() + all.map(csvRows).join(''));
		const target = join(dir, 'reimported.db');
		const r = runImport([file], target, { dataDir: FIXTURE_DATA });
		expect(r.problems).toEqual([]);
		expect(r.ok).toBe(true);
		const again = [...chunksOf(openAtlas(target).db, emptyFilters())].flat();
		expect(again).toEqual(all);
	});
});

describe('GeoJSON geometry', () => {
	it('draws the great-circle arc between place and partner, ending at both', () => {
		const g = arc([-122.3, 47.6], [135.2, 34.7]);
		// Seattle to Kobe crosses the antimeridian: two parts that meet at ±180.
		expect(g.type).toBe('MultiLineString');
		if (g.type !== 'MultiLineString') return;
		const [a, b] = g.coordinates;
		expect(a[0]).toEqual([-122.3, 47.6]);
		expect(b[b.length - 1]).toEqual([135.2, 34.7]);
		expect(Math.abs(a[a.length - 1][0])).toBe(180);
		expect(a[a.length - 1][1]).toBe(b[0][1]);
		// The great circle bends north of both ends.
		expect(Math.max(...a.map((p) => p[1]))).toBeGreaterThan(47.6);
	});
	it('keeps an arc that does not cross the antimeridian in one line', () => {
		const g = arc([-87.6, 41.9], [37.6, 55.8]);
		expect(g.type).toBe('LineString');
	});
	it('gives a partner without a point a null geometry', () => {
		const [houston] = engagementsAfter(db, filter('type=network_membership'), null, 1) as ApiEngagement[];
		expect(geometryOf(houston, 'place')).toMatchObject({ type: 'Point' });
		expect(geometryOf(houston, 'partner')).toBeNull();
		expect(geometryOf(houston, 'line')).toBeNull();
	});
});
