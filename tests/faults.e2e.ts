/**
 * Faults: the server refuses to start on a missing, empty, corrupt or wrong-schema database with a message that
 * says which and what to run; a new database renamed over the old one is picked up without dropping requests;
 * SIGTERM lets in-flight requests finish and exits cleanly.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { mkdtempSync, writeFileSync, copyFileSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { buildFixtureDb } from './helpers/fixture-db';
import { startServer, waitUp } from './helpers/server';
import { runImport } from '../src/lib/import/run';

let dir: string;
let good: string;

beforeAll(() => {
	dir = mkdtempSync(join(tmpdir(), 'atlas-faults-'));
	good = buildFixtureDb();
});

describe('a bad database stops the server at start, saying which and what to run', () => {
	const cases: [string, () => string, RegExp][] = [
		['missing', () => join(dir, 'nope.db'), /database .*nope\.db is missing; run `npm run db:build`/],
		['empty', () => { const p = join(dir, 'empty.db'); writeFileSync(p, ''); return p; }, /database .*empty\.db is empty \(0 bytes\); run `npm run db:build`/],
		['corrupt', () => { const p = join(dir, 'corrupt.db'); writeFileSync(p, Buffer.from('this is not a database at all, just some bytes'.repeat(100))); return p; }, /database .*corrupt\.db is not a readable SQLite file .*; run `npm run db:build`/],
		['of the wrong schema', () => { const p = join(dir, 'other.db'); const d = new Database(p); d.exec('CREATE TABLE notes (body TEXT)'); d.close(); return p; }, /database .*other\.db has the wrong schema \(missing meta, places, .*\); run `npm run db:build`/]
	];
	for (const [name, make, message] of cases) {
		it(name, async () => {
			const s = await startServer(make());
			const code = await Promise.race([s.exited, new Promise((r) => setTimeout(() => r('timeout'), 15_000))]);
			if (code === 'timeout') s.proc.kill();
			expect(code).toBe(1);
			expect(s.output()).toMatch(/Diplomacy Atlas cannot start: /);
			expect(s.output()).toMatch(message);
		});
	}
});

describe('a running server', () => {
	it('picks up a new database renamed over the old one, without failing a request', async () => {
		const live = join(dir, 'live.db');
		copyFileSync(good, live);
		const s = await startServer(live);
		try {
			await waitUp(s);
			const before = (await (await fetch(`${s.url}/api/v1/stats`)).json()).total;
			// Render the explorer twice, so that the page cache holds it for this version.
			for (let i = 0; i < 2; i++) expect(await (await fetch(`${s.url}/`)).text()).toContain(`${before} engagements`);
			// The next version: the fixture plus one engagement, built beside the live file.
			const next = join(dir, 'next.db');
			copyFileSync(good, next);
			const csv = join(dir, 'one.csv');
			writeFileSync(csv, 'id,place,type,partner_kind,partner,partner_country,title,status,source_url,source_kind,verification\nx:new,"Seattle, WA",sister_relationship,city,Osaka,JP,Seattle – Osaka test tie,active,https://example.org/x,official,unverified\n');
			expect(runImport([csv], next, { dataDir: 'tests/fixtures/data' }).ok).toBe(true);
			let failures = 0;
			let done = 0;
			let stop = false;
			const load = (async () => {
				while (!stop) {
					const r = await fetch(`${s.url}/api/v1/stats?type=sister_relationship`).catch(() => null);
					if (!r || r.status !== 200) failures++;
					done++;
				}
			})();
			await new Promise((r) => setTimeout(r, 300));
			renameSync(next, live);
			let after = before;
			const deadline = Date.now() + 10_000;
			while (after === before && Date.now() < deadline) {
				await new Promise((r) => setTimeout(r, 200));
				after = (await (await fetch(`${s.url}/api/v1/stats`)).json()).total;
			}
			stop = true;
			await load;
			expect(after).toBe(before + 1);
			// Pages cached for the old version are not served for the new one.
			expect(await (await fetch(`${s.url}/`)).text()).toContain(`${before + 1} engagements`);
			expect(done).toBeGreaterThan(10);
			expect(failures).toBe(0);
		} finally {
			s.proc.kill('SIGKILL');
		}
	});

	it('drains in-flight requests on SIGTERM and exits cleanly', async () => {
		const s = await startServer(good);
		await waitUp(s);
		const inflight = Array.from({ length: 20 }, () => fetch(`${s.url}/api/v1/engagements?limit=1000`).then((r) => r.status));
		await new Promise((r) => setTimeout(r, 5));
		s.proc.kill('SIGTERM');
		const statuses = await Promise.all(inflight.map((p) => p.catch(() => 0)));
		const code = await Promise.race([s.exited, new Promise((r) => setTimeout(() => r('timeout'), 15_000))]);
		expect(code).toBe(0);
		// Requests accepted before the signal complete; none is cut off with a connection error.
		expect(statuses.filter((x) => x !== 200 && x !== 0)).toEqual([]);
		expect(statuses.filter((x) => x === 200).length).toBeGreaterThan(0);
	});
});

describe('the clustered server (scripts/serve.mjs, what npm start runs)', () => {
	it('serves from several workers and stops cleanly on SIGTERM', async () => {
		const s = await startServer(good, { WEB_CONCURRENCY: '2' }, 'scripts/serve.mjs');
		await waitUp(s);
		const statuses = await Promise.all(Array.from({ length: 20 }, () => fetch(`${s.url}/api/v1/stats`).then((r) => r.status)));
		expect(statuses.every((x) => x === 200)).toBe(true);
		s.proc.kill('SIGTERM');
		const code = await Promise.race([s.exited, new Promise((r) => setTimeout(() => r('timeout'), 15_000))]);
		expect(code).toBe(0);
	});

	it('stops, rather than restarting workers forever, when the database is bad', async () => {
		const s = await startServer(join(dir, 'missing-for-cluster.db'), { WEB_CONCURRENCY: '2' }, 'scripts/serve.mjs');
		const code = await Promise.race([s.exited, new Promise((r) => setTimeout(() => r('timeout'), 15_000))]);
		if (code === 'timeout') s.proc.kill('SIGKILL');
		expect(code).toBe(1);
		expect(s.output()).toMatch(/is missing; run `npm run db:build`/);
	});
});
