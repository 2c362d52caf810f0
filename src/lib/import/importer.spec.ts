/**
 * The importer end to end: a valid fixture builds the expected rows, and every kind of bad input is reported
 * with its exact message while the database file stays byte-for-byte the same.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { readFileSync, writeFileSync, mkdtempSync, mkdirSync, copyFileSync, existsSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { spawnSync } from 'node:child_process';
import Database from 'better-sqlite3';
import { runBuild, runImport } from './run';
import { TYPE_IDS, ISSUE_IDS } from '../taxonomy';
import { buildFixtureDb, FIXTURE_DATA } from '../../../tests/helpers/fixture-db';

const HEADER =
	'id,place,type,partner_kind,partner,partner_region,partner_country,network,title,summary,start_date,end_date,status,end_reason,issue_areas,group,source_url,source_title,source_publisher,source_kind,verification,as_of';
/** A valid row; each bad case changes one thing. */
const GOOD = {
	id: 'sister:wa-seattle:jp-kobe-test',
	place: '"Seattle, WA"',
	type: 'sister_relationship',
	partner_kind: 'city',
	partner: 'Kobe',
	partner_region: '',
	partner_country: 'JP',
	network: '',
	title: 'Seattle – Kobe sister cities',
	summary: '',
	start_date: '2020',
	end_date: '',
	status: 'active',
	end_reason: '',
	issue_areas: 'culture_education',
	group: '',
	source_url: 'https://www.seattle.gov/oir',
	source_title: '',
	source_publisher: '',
	source_kind: 'official',
	verification: 'site',
	as_of: ''
};
type Row = typeof GOOD;
const line = (over: Partial<Row> = {}) => Object.values({ ...GOOD, ...over }).join(',');

let dir: string;
let dbPath: string;
const sha = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');
const write = (name: string, content: string | Buffer) => {
	const p = join(dir, name);
	writeFileSync(p, content);
	return p;
};
const rel = (p: string) => relative(process.cwd(), p);

function dump(path: string) {
	const db = new Database(path, { readonly: true });
	const tables = ['places', 'partners', 'networks', 'engagements', 'engagement_places', 'engagement_issues', 'sources', 'countries'];
	const out = Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT * FROM ${t} ORDER BY 1, 2`).all()]));
	db.close();
	return out;
}

beforeAll(() => {
	dir = mkdtempSync(join(tmpdir(), 'atlas-import-'));
	dbPath = buildFixtureDb();
});

describe('a valid fixture', () => {
	it('builds the expected rows', () => {
		const db = new Database(dbPath, { readonly: true });
		const n = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
		expect(n('SELECT count(*) n FROM engagements')).toBe(9);
		expect(n('SELECT count(*) n FROM places')).toBe(8);
		expect(n('SELECT count(*) n FROM partners')).toBe(9);
		expect(n('SELECT count(*) n FROM sources')).toBe(10);
		expect(n('SELECT count(*) n FROM networks')).toBe(1);
		const kobe = db.prepare("SELECT * FROM engagements WHERE id = 'sister:wa-seattle:jp-kobe'").get() as Record<string, unknown>;
		expect(kobe).toMatchObject({ type: 'sister_relationship', family: 'agreements', start_date: '1957-10', start_precision: 'month', start_year: 1957, status: 'active', lead_state: 'WA', lead_kind: 'city', partner_country: 'JP', partner_world_region: 'Asia' });
		const seattle = db.prepare("SELECT * FROM places WHERE slug = 'wa-seattle'").get() as Record<string, unknown>;
		expect(seattle).toMatchObject({ kind: 'city', label: 'Seattle, WA', geonames_id: 5809844, office_name: 'Office of Intergovernmental Relations' });
		expect(db.prepare("SELECT slug, kind, fips FROM places WHERE slug = 'wa-king-county'").get()).toEqual({ slug: 'wa-king-county', kind: 'county', fips: '53033' });
		expect(db.prepare("SELECT slug, name, region_name FROM partners WHERE slug = 'jp-hyogo'").get()).toEqual({ slug: 'jp-hyogo', name: 'Hyōgo', region_name: 'Hyōgo' });
		const stavropol = db.prepare("SELECT status, end_date, end_reason FROM engagements WHERE id = 'sister:ia-des-moines:ru-stavropol'").get();
		expect(stavropol).toEqual({ status: 'suspended', end_date: '2022-03', end_reason: "Suspended to condemn Russia's invasion of Ukraine" });
		expect(db.prepare("SELECT count(*) n FROM sources s JOIN engagements e ON e.pk = s.engagement_pk WHERE e.id = 'sister:wa-seattle:jp-kobe'").get()).toEqual({ n: 2 });
		const roles = db.prepare("SELECT p.slug, ep.role FROM engagement_places ep JOIN places p ON p.id = ep.place_id JOIN engagements e ON e.pk = ep.engagement_pk WHERE e.id = 'coop:wa-king-county:mx' ORDER BY ep.role").all();
		expect(roles).toEqual([{ slug: 'wa-king-county', role: 'lead' }, { slug: 'wa-seattle', role: 'participant' }]);
		expect(n("SELECT count(*) n FROM engagements_fts WHERE engagements_fts MATCH 'kobe'")).toBe(1);
		db.close();
	});

	it('is idempotent: building twice gives the same rows', () => {
		const again = join(dir, 'again.db');
		expect(runBuild(FIXTURE_DATA, again).ok).toBe(true);
		expect(dump(again)).toEqual(dump(dbPath));
	});

	it('merges an import, and importing the same file twice changes nothing more', () => {
		const target = join(dir, 'merge.db');
		copyFileSync(dbPath, target);
		const file = write('new.csv', `${HEADER}\n${line({ id: 'sister:wa-seattle:jp-test' , partner: 'Osaka' })}\n`);
		const first = runImport([file], target, { dataDir: FIXTURE_DATA });
		expect(first.ok).toBe(true);
		expect(first.summary).toMatchObject({ engagements: 10, inserted: 1, replaced: 0 });
		const afterFirst = dump(target);
		const second = runImport([file], target, { dataDir: FIXTURE_DATA });
		expect(second.summary).toMatchObject({ engagements: 10, inserted: 0, replaced: 1 });
		expect(dump(target)).toEqual(afterFirst);
	});

	it('accepts a UTF-8 byte-order mark and CRLF line ends', () => {
		const file = write('bom.csv', `\uFEFF${HEADER}\r\n${line()}\r\n`);
		const r = runImport([file], join(dir, 'bom.db'), { dataDir: FIXTURE_DATA, dryRun: true });
		expect(r.problems).toEqual([]);
		expect(r.checked).toBe(1);
	});

	it('--dry-run writes nothing', () => {
		const before = sha(dbPath);
		const file = write('dry.csv', `${HEADER}\n${line({ id: 'x:dry' })}\n`);
		const r = runImport([file], dbPath, { dataDir: FIXTURE_DATA, dryRun: true });
		expect(r.ok).toBe(true);
		expect(sha(dbPath)).toBe(before);
	});
});

const types = TYPE_IDS.join(', ');
const issues = ISSUE_IDS.join(', ');

/** name, file content, expected problems (FILE is replaced by the file's path). */
const BAD: [string, string | Buffer, string[]][] = [
	['malformed CSV (unclosed quote)', `${HEADER}\n${line({ place: '"Seattle, WA' })}\n`, ['FILE:2: csv: unclosed quote: a quoted field starts here and never ends']],
	['a missing required column', `${HEADER.replace(',type,', ',')}\n${line().replace(',sister_relationship,', ',')}\n`, ['FILE:1: header: missing required column "type"']],
	['an unknown column', `${HEADER},colour\n${line()},red\n`, [`FILE:1: header: unknown column "colour"; known columns: id, place, type, partner_kind, partner, partner_region, partner_country, partner_geonames_id, partner_lat, partner_lon, network, title, summary, start_date, end_date, status, end_reason, issue_areas, group, source_url, source_title, source_publisher, source_kind, verification, as_of`]],
	['a row with too few fields', `${HEADER}\nsister:x,"Seattle, WA"\n`, ['FILE:2: csv: the row has 2 fields but the header has 22']],
	['an unknown type', `${HEADER}\n${line({ type: 'sister_city' })}\n`, [`FILE:2: type: unknown type "sister_city"; expected one of ${types}`]],
	['an unknown issue area', `${HEADER}\n${line({ issue_areas: 'culture_education;sports' })}\n`, [`FILE:2: issue_areas: unknown issue area "sports"; expected one of ${issues}`]],
	['a bad date', `${HEADER}\n${line({ start_date: '2020-13-01' })}\n`, ['FILE:2: start_date: "2020-13-01" is not a date; expected YYYY, YYYY-MM or YYYY-MM-DD']],
	['an impossible day', `${HEADER}\n${line({ start_date: '2023-02-29' })}\n`, ['FILE:2: start_date: "2023-02-29" is not a date; expected YYYY, YYYY-MM or YYYY-MM-DD']],
	['an end before the start', `${HEADER}\n${line({ start_date: '2020', end_date: '2019-06', status: 'terminated' })}\n`, ['FILE:2: end_date: ends (2019-06) before it starts (2020)']],
	['an unknown place', `${HEADER}\n${line({ place: '"Qxzville, WA"' })}\n`, ['FILE:2: place: no place "Qxzville" in WA in GeoNames']],
	['an ambiguous place', `${HEADER}\n${line({ place: '"Bloomingdale, NJ"' })}\n`, ['AMBIGUOUS']],
	['a place with a line break inside its quotes', `${HEADER}\n${line({ place: '"Hou\nston, TX"' })}\n`, ['FILE:2: place: cannot read place "Hou\\nston, TX"; expected "WA", "King County, WA" or "Seattle, WA"']],
	['an unknown state code', `${HEADER}\n${line({ place: 'XX' })}\n`, ['FILE:2: place: unknown state code "XX"; expected a USPS code such as WA, DC or PR']],
	['an unknown partner city', `${HEADER}\n${line({ partner: 'Qxzburg' })}\n`, ['FILE:2: partner: no city "Qxzburg" in JP in GeoNames; or give partner_lat and partner_lon']],
	['an unknown country code', `${HEADER}\n${line({ partner_country: 'XX' })}\n`, ['FILE:2: partner_country: unknown country code "XX"']],
	['a lowercase country code', `${HEADER}\n${line({ partner_country: 'jp' })}\n`, ['FILE:2: partner_country: expected an ISO 3166-1 alpha-2 code such as JP']],
	['a duplicate id', `${HEADER}\n${line()}\n${line({ partner: 'Osaka' })}\n`, ['FILE:3: id: duplicate id "sister:wa-seattle:jp-kobe-test", first defined at FILE:2']],
	['a duplicate tie', `${HEADER}\n${line()}\n${line({ id: 'sister:other' })}\n`, ['FILE:3: id: duplicate tie: same type, lead place and partner as "sister:wa-seattle:jp-kobe-test" (FILE:2)']],
	['a javascript: source URL', `${HEADER}\n${line({ source_url: 'javascript:alert(1)' })}\n`, ['FILE:2: source_url: must be an absolute http:// or https:// URL']],
	['a relative source URL', `${HEADER}\n${line({ source_url: '/about/sources' })}\n`, ['FILE:2: source_url: must be an absolute http:// or https:// URL']],
	['an over-long field', `${HEADER}\n${line({ title: 'x'.repeat(201) })}\n`, ['FILE:2: title: longer than 200 characters (201)']],
	['an empty file', '', ['FILE:1: file: the file is empty; expected a header row']],
	['a file of blank lines', '\n\r\n  \n', ['FILE:1: file: the file is empty; expected a header row']],
	['a non-UTF-8 file', Buffer.concat([Buffer.from(`${HEADER}\n`), Buffer.from(line({ title: 'Seattle \xff Kobe' }), 'latin1'), Buffer.from('\n')]), ['FILE:2: file: not valid UTF-8 (byte 0xff); save the file as UTF-8']],
	['several bad rows at once', `${HEADER}\n${line({ type: 'bogus' })}\n${line({ id: 'b', start_date: '99' })}\n${line({ id: 'c', verification: 'maybe' })}\n`, [
		`FILE:2: type: unknown type "bogus"; expected one of ${types}`,
		'FILE:3: start_date: "99" is not a date; expected YYYY, YYYY-MM or YYYY-MM-DD',
		'FILE:4: verification: unknown verification "maybe"; expected one of seen, site, unverified'
	]]
];

describe('bad input is reported exactly and changes nothing', () => {
	for (const [name, content, expected] of BAD) {
		it(name, () => {
			const before = sha(dbPath);
			const file = write(`${name.replace(/\W+/g, '-')}.csv`, content);
			const r = runImport([file], dbPath, { dataDir: FIXTURE_DATA });
			expect(r.ok).toBe(false);
			if (expected[0] === 'AMBIGUOUS') {
				expect(r.problems).toHaveLength(1);
				expect(r.problems[0]).toMatch(new RegExp(`^${rel(file)}:2: place: "Bloomingdale, NJ" fits 2 places: Bloomingdale \\(admin NJ, population [\\d,]+, geonames_id \\d+\\); Bloomingdale .*settle it with geonames_id in data/places.csv$`));
			} else {
				expect(r.problems).toEqual(expected.map((e) => e.replaceAll('FILE', rel(file))));
			}
			expect(sha(dbPath)).toBe(before);
			expect(existsSync(`${dbPath}-journal`)).toBe(false);
		});
	}

	it('a failed build leaves the last good database untouched', () => {
		const badData = mkdtempSync(join(tmpdir(), 'atlas-bad-data-'));
		const engDir = join(badData, 'engagements');
		mkdirSync(engDir);
		writeFileSync(join(engDir, 'x.csv'), `${HEADER}\n${line({ type: 'nope' })}\n`);
		const before = sha(dbPath);
		const r = runBuild(badData, dbPath);
		expect(r.ok).toBe(false);
		expect(r.problems[0]).toMatch(/x\.csv:2: type: unknown type "nope"/);
		expect(sha(dbPath)).toBe(before);
	});

	it('the import script prints FILE:LINE: column: message and exits 1', () => {
		const file = write('cli.csv', `${HEADER}\n${line({ status: 'alive' })}\n`);
		const before = sha(dbPath);
		const p = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/import.ts', file], {
			env: { ...process.env, DATABASE_PATH: dbPath },
			encoding: 'utf8'
		});
		expect(p.status).toBe(1);
		expect(p.stderr).toContain(`${rel(file)}:2: status: unknown status "alive"; expected one of proposed, active, dormant, suspended, terminated, completed`);
		expect(p.stderr).toContain('1 problem(s)');
		expect(sha(dbPath)).toBe(before);
	});
});
