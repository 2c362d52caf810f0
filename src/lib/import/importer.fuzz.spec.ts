/**
 * Property tests: random bytes and near-miss CSVs never crash the importer, every problem is reported as
 * FILE:LINE: column: message, and a refused file never changes the database.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import fc from 'fast-check';
import { readFileSync, writeFileSync, mkdtempSync, copyFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runImport } from './run';
import { buildFixtureDb, FIXTURE_DATA } from '../../../tests/helpers/fixture-db';

let dir: string;
let base: string;
const sample = readFileSync(join(FIXTURE_DATA, 'engagements/sample.csv'), 'utf8');
const sha = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');
const PROBLEM = /^.+:\d+: [a-z_]+: \S.*$/;

beforeAll(() => {
	dir = mkdtempSync(join(tmpdir(), 'atlas-fuzz-'));
	base = buildFixtureDb();
});

let n = 0;
function check(content: Uint8Array | string) {
	const file = join(dir, `f${n}.csv`);
	const db = join(dir, `f${n++}.db`);
	copyFileSync(base, db);
	writeFileSync(file, content);
	const before = sha(db);
	const r = runImport([file], db, { dataDir: FIXTURE_DATA });
	if (!r.ok) {
		expect(r.problems.length).toBeGreaterThan(0);
		for (const p of r.problems) expect(p).toMatch(PROBLEM);
		expect(sha(db)).toBe(before);
	}
}

describe('importer under random input', () => {
	it('random bytes', () => {
		fc.assert(fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => check(bytes)), { numRuns: 60 });
	});

	it('near-miss CSVs: a valid file with characters deleted, inserted or replaced', () => {
		const edit = fc.record({
			at: fc.nat({ max: sample.length - 1 }),
			del: fc.nat({ max: 5 }),
			ins: fc.oneof(fc.constantFrom('"', ',', '\n', '\r', ';', '', '\u0000', 'javascript:', '<script>', '2020-13'), fc.string({ maxLength: 6 }))
		});
		fc.assert(
			fc.property(fc.array(edit, { minLength: 1, maxLength: 4 }), (edits) => {
				let s = sample;
				for (const e of edits) {
					const at = Math.min(e.at, s.length);
					s = s.slice(0, at) + e.ins + s.slice(at + e.del);
				}
				check(s);
			}),
			{ numRuns: 80 }
		);
	});

	it('rows cut short or lengthened', () => {
		const lines = sample.trimEnd().split('\n');
		fc.assert(
			fc.property(fc.nat({ max: lines.length - 1 }), fc.integer({ min: -30, max: 30 }), (i, cut) => {
				const copy = [...lines];
				copy[i] = cut < 0 ? copy[i].slice(0, cut) : copy[i] + ','.repeat(cut);
				check(copy.join('\n'));
			}),
			{ numRuns: 40 }
		);
	});
});
