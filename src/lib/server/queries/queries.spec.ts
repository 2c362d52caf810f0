/** Every filter of DESIGN.md against the fixture database, with the rows it must select. */
import { describe, it, expect, beforeAll } from 'vitest';
import { openAtlas, type AtlasDb } from '../db/open';
import { listEngagements, countEngagements, engagementsOfPlace, engagementById } from './engagements';
import { stats } from './stats';
import { placesForMap, placeBySlug } from './places';
import { parseFilters, emptyFilters, type Filters } from '$lib/filters';
import { buildFixtureDb } from '../../../../tests/helpers/fixture-db';

let db: AtlasDb;
beforeAll(() => {
	db = openAtlas(buildFixtureDb()).db;
});

const ids = (f: Filters) => listEngagements(db, f, { limit: 100 }).map((e) => e.id).sort();
const filter = (qs: string) => {
	const r = parseFilters(new URLSearchParams(qs));
	if (!r.ok) throw new Error(JSON.stringify(r.errors));
	return r.filters;
};

describe('filters select the right engagements', () => {
	const cases: [string, string[]][] = [
		['', ['coop:wa-king-county:mx', 'member:tx-houston:c40', 'mission:sd:gb:2025-08', 'office:al:de-stuttgart', 'office:al:jp-tokyo', 'sister:ia-des-moines:ru-stavropol', 'sister:il-chicago:ru-moscow', 'sister:wa-seattle:jp-kobe', 'sister:wa:jp-hyogo']],
		['type=office_abroad', ['office:al:de-stuttgart', 'office:al:jp-tokyo']],
		['type=network_membership,outgoing_mission', ['member:tx-houston:c40', 'mission:sd:gb:2025-08']],
		['issue=democracy_rights', ['sister:ia-des-moines:ru-stavropol', 'sister:il-chicago:ru-moscow']],
		['issue=economy_trade&type=sister_relationship', ['sister:wa-seattle:jp-kobe']],
		['country=JP', ['office:al:jp-tokyo', 'sister:wa-seattle:jp-kobe', 'sister:wa:jp-hyogo']],
		['country=jp,ru', ['office:al:jp-tokyo', 'sister:ia-des-moines:ru-stavropol', 'sister:il-chicago:ru-moscow', 'sister:wa-seattle:jp-kobe', 'sister:wa:jp-hyogo']],
		['region=Europe', ['mission:sd:gb:2025-08', 'office:al:de-stuttgart', 'sister:ia-des-moines:ru-stavropol', 'sister:il-chicago:ru-moscow']],
		['region=Eastern Europe', ['sister:ia-des-moines:ru-stavropol', 'sister:il-chicago:ru-moscow']],
		['region=Americas', ['coop:wa-king-county:mx']],
		['state=WA', ['coop:wa-king-county:mx', 'sister:wa-seattle:jp-kobe', 'sister:wa:jp-hyogo']],
		['state=AL,SD', ['mission:sd:gb:2025-08', 'office:al:de-stuttgart', 'office:al:jp-tokyo']],
		['census=Midwest', ['mission:sd:gb:2025-08', 'sister:ia-des-moines:ru-stavropol', 'sister:il-chicago:ru-moscow']],
		['census=Midwest&state=IA,WA', ['sister:ia-des-moines:ru-stavropol']],
		['kind=county', ['coop:wa-king-county:mx']],
		['kind=state', ['mission:sd:gb:2025-08', 'office:al:de-stuttgart', 'office:al:jp-tokyo', 'sister:wa:jp-hyogo']],
		['status=suspended', ['sister:ia-des-moines:ru-stavropol', 'sister:il-chicago:ru-moscow']],
		['from=2019', ['coop:wa-king-county:mx', 'mission:sd:gb:2025-08', 'office:al:de-stuttgart', 'office:al:jp-tokyo']],
		['from=1950&to=1970', ['sister:wa-seattle:jp-kobe', 'sister:wa:jp-hyogo']],
		['to=1957', ['sister:wa-seattle:jp-kobe']],
		['q=kobe', ['sister:wa-seattle:jp-kobe']],
		['q=Stutt', ['office:al:de-stuttgart']],
		['q=hyogo', ['sister:wa-seattle:jp-kobe', 'sister:wa:jp-hyogo']],
		['q=russia invasion', ['sister:ia-des-moines:ru-stavropol', 'sister:il-chicago:ru-moscow']],
		['q=seattle', ['coop:wa-king-county:mx', 'sister:wa-seattle:jp-kobe']],
		['q="kobe" OR NEAR(x', []],
		['q=***', []],
		['type=sister_relationship&country=RU&status=suspended&from=1990', ['sister:ia-des-moines:ru-stavropol']]
	];
	for (const [qs, expected] of cases) {
		it(qs || '(no filter)', () => {
			const f = filter(qs);
			expect(ids(f)).toEqual(expected);
			expect(countEngagements(db, f)).toBe(expected.length);
			expect(stats(db, f).total).toBe(expected.length);
		});
	}
});

describe('stats', () => {
	it('counts by type, status, year, country, state and issue', () => {
		const s = stats(db, emptyFilters());
		expect(s.total).toBe(9);
		expect(s.places).toBe(8);
		expect(s.countries).toBe(5);
		expect(s.byType).toContainEqual({ key: 'sister_relationship', n: 4 });
		expect(s.byStatus).toEqual([{ key: 'active', n: 6 }, { key: 'suspended', n: 2 }, { key: 'completed', n: 1 }]);
		expect(s.byYear[0]).toEqual({ key: 1957, n: 1 });
		expect(s.byCountry[0]).toEqual({ key: 'JP', name: 'Japan', n: 3 });
		expect(s.byState[0]).toEqual({ key: 'WA', n: 3 });
		expect(s.byIssue).toContainEqual({ key: 'economy_trade', n: 4 });
	});
});

describe('places', () => {
	it('lists map points with counts for a filter, participants included', () => {
		const pts = placesForMap(db, filter('state=WA'));
		expect(pts.map((p) => [p.slug, p.n])).toEqual([['wa-seattle', 2], ['wa', 1], ['wa-king-county', 1]]);
	});
	it("lists a place's engagements, with sources", () => {
		const seattle = placeBySlug(db, 'wa-seattle')!;
		const list = engagementsOfPlace(db, seattle.id);
		expect(list.map((e) => e.id).sort()).toEqual(['coop:wa-king-county:mx', 'sister:wa-seattle:jp-kobe']);
		const kobe = engagementById(db, 'sister:wa-seattle:jp-kobe')!;
		expect(kobe.sources.map((s) => s.verification)).toEqual(['seen', 'seen']);
		expect(kobe.partner).toMatchObject({ name: 'Kobe', country: 'JP', countryName: 'Japan' });
	});
});
