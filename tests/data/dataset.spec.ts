/**
 * The real dataset: every file imports cleanly (alone and together), ids and ties are unique (the build refuses
 * duplicates), every source URL is http(s), and the coverage floors of the dataset issue hold.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { runBuild, runImport } from '../../src/lib/import/run';
import { openAtlas } from '../../src/lib/server/db/open';
import { floors } from '../../src/lib/server/queries/floors';

const dir = mkdtempSync(join(tmpdir(), 'atlas-data-'));
const dbPath = join(dir, 'atlas.db');
const files = readdirSync('data/engagements').filter((f) => f.endsWith('.csv')).sort();

beforeAll(() => {
	const r = runBuild('data', dbPath);
	if (!r.ok) throw new Error(`the dataset does not build:\n${r.problems.slice(0, 20).join('\n')}`);
});

describe('the dataset', () => {
	it.each(files)('%s imports cleanly on its own', (file) => {
		const r = runImport([join('data/engagements', file)], join(dir, 'dry.db'), { dryRun: true });
		expect(r.problems).toEqual([]);
		expect(r.checked).toBeGreaterThan(0);
	});

	it('has unique ids and only http(s) sources', () => {
		const db = new Database(dbPath, { readonly: true });
		const dup = db.prepare('SELECT id, count(*) n FROM engagements GROUP BY id HAVING n > 1').all();
		expect(dup).toEqual([]);
		const badUrls = db.prepare("SELECT url FROM sources WHERE url NOT LIKE 'http://%' AND url NOT LIKE 'https://%'").all();
		expect(badUrls).toEqual([]);
		const noSource = db.prepare('SELECT id FROM engagements e WHERE NOT EXISTS (SELECT 1 FROM sources s WHERE s.engagement_pk = e.pk)').all();
		expect(noSource).toEqual([]);
		db.close();
	});

	it('has no duplicate ties (same type, lead place and partner; visits also the same start)', () => {
		const db = new Database(dbPath, { readonly: true });
		const twins = db
			.prepare(
				`SELECT type, lead_place_id, partner_id, count(*) n FROM engagements
				 WHERE type IN ('sister_relationship', 'friendship_agreement', 'network_membership', 'office_abroad')
				 GROUP BY type, lead_place_id, partner_id HAVING n > 1`
			)
			.all();
		expect(twins).toEqual([]);
		db.close();
	});

	it('meets every coverage floor', () => {
		const short = floors(openAtlas(dbPath).db).filter((f) => !f.ok);
		expect(short.map((f) => `${f.name}: ${f.actual} (wanted ${f.wanted})`)).toEqual([]);
	});

	it('keeps an end date on most ended ties, and a reason on those ended after 2022 with Russia', () => {
		const db = new Database(dbPath, { readonly: true });
		const ended = db.prepare("SELECT count(*) n, sum(end_date IS NOT NULL) dated FROM engagements WHERE status IN ('terminated', 'suspended')").get() as { n: number; dated: number };
		expect(ended.n).toBeGreaterThan(30);
		expect(ended.dated / ended.n).toBeGreaterThan(0.5);
		const russia = db.prepare("SELECT id FROM engagements WHERE partner_country = 'RU' AND status IN ('terminated', 'suspended') AND end_year >= 2022 AND end_reason IS NULL").all();
		expect(russia).toEqual([]);
		db.close();
	});
});
