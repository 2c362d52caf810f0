/**
 * The facet index must answer exactly as the SQL queries do: stats and list pages for the filter cases of
 * queries.spec.ts and for random filters, on the fixture and on the real dataset.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import fc from 'fast-check';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openAtlas, type AtlasDb } from '../db/open';
import { statsSql as sqlStats } from './stats';
import { listEngagementsSql as listEngagements, listEngagements as listFast } from './engagements';
import { placesForMap, placesForMapSql } from './places';
import { FacetIndex, facets } from './facets';
import { mapPointSet } from './map-points';
import { partnersForMap } from './explorer';
import { engagementsAfter, engagementsAfterSql } from './export';
import { emptyFilters, type Filters } from '$lib/filters';
import { TYPE_IDS, ISSUE_IDS, STATUS_IDS, PLACE_KINDS, CENSUS_REGIONS, WORLD_REGION_NAMES } from '$lib/taxonomy';
import { STATES } from '$lib/states';
import { buildFixtureDb } from '../../../../tests/helpers/fixture-db';
import { runBuild } from '$lib/import/run';

let fixture: AtlasDb;
let real: AtlasDb;
beforeAll(() => {
	fixture = openAtlas(buildFixtureDb()).db;
	const dbPath = join(mkdtempSync(join(tmpdir(), 'atlas-facets-')), 'atlas.db');
	const r = runBuild('data', dbPath);
	if (!r.ok) throw new Error(r.problems.slice(0, 5).join('\n'));
	real = openAtlas(dbPath).db;
});

const sub = <T>(values: readonly T[]) => fc.subarray([...values], { maxLength: 3 });
const filters: fc.Arbitrary<Filters> = fc.record({
	type: sub(TYPE_IDS),
	issue: sub(ISSUE_IDS),
	country: sub(['JP', 'CN', 'MX', 'DE', 'RU', 'KR', 'FR', 'GB', 'XX']),
	region: sub(WORLD_REGION_NAMES),
	state: sub(STATES.map((s) => s.code)),
	census: sub(CENSUS_REGIONS),
	kind: sub(PLACE_KINDS),
	status: sub(STATUS_IDS),
	from: fc.option(fc.integer({ min: 1900, max: 2026 }), { nil: null }),
	to: fc.option(fc.integer({ min: 1900, max: 2026 }), { nil: null }),
	q: fc.constantFrom('', 'sister', 'climate', 'kobe', 'trade mission', '***')
}) as fc.Arbitrary<Filters>;

function agree(db: AtlasDb, f: Filters) {
	const ix = facets(db);
	expect(ix.stats(f)).toEqual(sqlStats(db, f));
	const sqlIds = listEngagements(db, f, { limit: 30, offset: 5 }).map((e) => e.id);
	const pks = ix.page(f, 5, 30);
	const client = (db as unknown as { $client: { prepare: (s: string) => { get: (pk: number) => { id: string } } } }).$client;
	expect(pks.map((pk) => client.prepare('SELECT id FROM engagements WHERE pk = ?').get(pk).id)).toEqual(sqlIds);
	expect(listFast(db, f, { limit: 30, offset: 5 }).map((e) => e.id)).toEqual(sqlIds);
	expect(placesForMap(db, f)).toEqual(placesForMapSql(db, f));
	// The API's keyset pages in id order, from the start and after a cursor in the middle.
	const first = engagementsAfterSql(db, f, null, 20);
	expect(engagementsAfter(db, f, null, 20)).toEqual(first);
	const cursor = first[9]?.id ?? 'm';
	expect(engagementsAfter(db, f, cursor, 20).map((e) => e.id)).toEqual(engagementsAfterSql(db, f, cursor, 20).map((e) => e.id));
	// The explorer map's counts over its fixed point lists say the same as SQL, point by point.
	const bySlug = (set: 'places' | 'partners', pairs: number[]) => {
		const points = mapPointSet(db, 'v', set).points;
		const out: Record<string, number> = {};
		for (let i = 0; i < pairs.length; i += 2) out[points[pairs[i]][0]] = pairs[i + 1];
		return out;
	};
	expect(bySlug('places', ix.placeCounts(f))).toEqual(Object.fromEntries(placesForMapSql(db, f).map((p) => [p.slug, p.n])));
	expect(bySlug('partners', ix.partnerCounts(f))).toEqual(Object.fromEntries(partnersForMap(db, f).map((p) => [p.slug, p.n])));
}

describe('facet index agrees with SQL', () => {
	it('with no filter, on the fixture and the real dataset', () => {
		agree(fixture, emptyFilters());
		agree(real, emptyFilters());
		expect(facets(real)).toBeInstanceOf(FacetIndex);
	});
	it('on random filters over the fixture', () => {
		fc.assert(fc.property(filters, (f) => agree(fixture, f)), { numRuns: 150 });
	});
	it('on random filters over the real dataset', () => {
		fc.assert(fc.property(filters, (f) => agree(real, f)), { numRuns: 150 });
	});
});
