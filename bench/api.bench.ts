/**
 * Benchmark of /api/v1 at 100,000 synthetic engagements (budget: /api/v1/stats and the first page of
 * /api/v1/engagements p50 under 5 ms for several filters, within 3x the bare SQLite query; a full CSV export in
 * steady memory). Prints, per filter:
 *   - HTTP p50/p95 against the production server (build/index.js) on loopback, response cache on (the default);
 *   - HTTP p50 with the response cache off (API_CACHE_MB=0): every request runs its queries;
 *   - bare p50: the very SQL statements the endpoint runs (captured through drizzle's logger), prepared and run
 *     with better-sqlite3 directly on the same file;
 * then streams the full CSV and reports its size, time and the server's peak RSS.
 * Usage: npm run bench:api [-- N] [--db FILE]   (needs `npm run build` first)
 */
import { mkdtempSync, rmSync, existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { freePort } from '../tests/helpers/server';
import http from 'node:http';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import * as schema from '../src/lib/server/db/schema';
import type { AtlasDb } from '../src/lib/server/db/open';
import { parseFilters, type Filters } from '../src/lib/filters';
import { statsSql } from '../src/lib/server/queries/stats';
import { countMatchingSql, engagementsAfterSql } from '../src/lib/server/queries/export';

const args = process.argv.slice(2);
const dbArg = args.includes('--db') ? args[args.indexOf('--db') + 1] : null;
const n = Number(args.find((a, i) => /^\d+$/.test(a) && args[i - 1] !== '--db') ?? 100_000);
const FILTERS = ['', 'type=sister_relationship', 'state=CA', 'country=JP&from=2000', 'status=active&kind=city', 'issue=migration', 'q=tokyo'];
const ROUNDS = 200;

if (!existsSync('build/index.js')) {
	console.error('build/index.js is missing: run `npm run build` first');
	process.exit(1);
}

let dir: string | null = null;
let dbPath = dbArg ?? '';
if (!dbArg) {
	dir = mkdtempSync(join(tmpdir(), 'atlas-api-bench-'));
	dbPath = join(dir, 'atlas.db');
	console.log(`building ${n.toLocaleString('en-US')} synthetic engagements into ${dbPath}`);
	execFileSync(process.execPath, ['--import', 'tsx', 'scripts/synth.ts', String(n), dir], { stdio: 'ignore' });
	execFileSync(process.execPath, ['--import', 'tsx', 'scripts/db-build.ts', '--data', dir], { stdio: 'ignore', env: { ...process.env, DATABASE_PATH: dbPath } });
}

const filterOf = (qs: string): Filters => {
	const r = parseFilters(new URLSearchParams(qs));
	if (!r.ok) throw new Error(JSON.stringify(r.errors));
	return r.filters;
};
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
const ms = (x: number) => x.toFixed(2).padStart(7);

// ---- bare SQLite: capture the endpoint's SQL through drizzle's logger, then run it with better-sqlite3 alone.
const sqlite = new Database(dbPath, { readonly: true });
let captured: { sql: string; params: unknown[] }[] = [];
const db = drizzle(sqlite, { schema, logger: { logQuery: (sql, params) => captured.push({ sql, params }) } }) as unknown as AtlasDb;
const all = (sqlite.prepare('SELECT count(*) n FROM engagements').get() as { n: number }).n;

function captureOf(kind: 'stats' | 'page', f: Filters) {
	captured = [];
	// The bare side is the SQL that computes the same answer (the server answers counts and picks the page's rows
	// from the facet index).
	if (kind === 'stats') statsSql(db, f);
	else {
		countMatchingSql(db, f);
		engagementsAfterSql(db, f, null, 101);
	}
	return captured.map((c) => ({ st: sqlite.prepare(c.sql), params: c.params.map((p) => (typeof p === 'boolean' ? Number(p) : p)) }));
}

function bare(kind: 'stats' | 'page', f: Filters): number[] {
	const statements = captureOf(kind, f);
	const times: number[] = [];
	for (let i = 0; i < ROUNDS / 4 + 5; i++) {
		const t0 = performance.now();
		for (const s of statements) s.st.all(...s.params);
		if (i >= 5) times.push(performance.now() - t0);
	}
	return times;
}

// ---- HTTP against the production server.
interface Server {
	env: Record<string, string>;
	proc: ChildProcess;
	base: string;
}

async function startServer(env: Record<string, string>): Promise<Server> {
	const port = await freePort();
	const base = `http://127.0.0.1:${port}`;
	const proc: ChildProcess = spawn(process.execPath, ['build/index.js'], {
		env: { ...process.env, ...env, DATABASE_PATH: dbPath, PORT: String(port), HOST: '127.0.0.1', ORIGIN: base },
		stdio: ['ignore', 'ignore', 'inherit']
	});
	for (let i = 0; i < 150; i++) {
		try {
			if ((await fetch(`${base}/api/v1/openapi.json`)).ok) return { env, proc, base };
		} catch {
			// not up yet
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	throw new Error('server did not start');
}

/**
 * Run a measurement against a server, starting a new one if it has gone: on a shared machine another job may
 * stop stray servers, and a lost run should cost a retry, not the whole benchmark.
 */
async function withServer<T>(s: Server, run: (base: string) => Promise<T>): Promise<T> {
	for (let attempt = 1; ; attempt++) {
		if (s.proc.exitCode !== null || s.proc.signalCode !== null) {
			console.error(`(the server at ${s.base} had stopped; starting another)`);
			Object.assign(s, await startServer(s.env));
		}
		try {
			return await run(s.base);
		} catch (e) {
			if (attempt >= 3) throw e;
			await new Promise((r) => setTimeout(r, 300));
		}
	}
}

// A fresh keep-alive agent per series: a socket left idle past the server's keep-alive timeout (while the bare
// side runs) would otherwise be reused just as the server closes it.
let agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
function get(url: string): Promise<number> {
	return new Promise((resolve, reject) => {
		http.get(url, { agent }, (res) => {
			let bytes = 0;
			res.on('data', (d: Buffer) => (bytes += d.length));
			res.on('end', () => (res.statusCode === 200 ? resolve(bytes) : reject(new Error(`${url}: HTTP ${res.statusCode}`))));
		}).on('error', (e) => reject(new Error(`${url}: ${e.message}`)));
	});
}

async function timeHttp(url: string, rounds: number): Promise<number[]> {
	agent.destroy();
	agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
	const times: number[] = [];
	for (let i = 0; i < rounds + 5; i++) {
		const t0 = performance.now();
		await get(url);
		if (i >= 5) times.push(performance.now() - t0);
	}
	return times;
}

function rss(pid: number): { now: number; peak: number } {
	const s = readFileSync(`/proc/${pid}/status`, 'utf8');
	const kb = (k: string) => Number(new RegExp(`${k}:\\s+(\\d+)`).exec(s)?.[1] ?? 0);
	return { now: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

type Row = { endpoint: string; filter: string; warm50: number; warm95: number; cold50: number; bare50: number };
const rows: Row[] = [];
const cached = await startServer({});
const uncached = await startServer({ API_CACHE_MB: '0' });
try {
	for (const kind of ['stats', 'page'] as const) {
		for (const qs of FILTERS) {
			const path = kind === 'stats' ? '/api/v1/stats' : '/api/v1/engagements';
			const q = qs ? `?${qs}` : '';
			const warm = await withServer(cached, (base) => timeHttp(`${base}${path}${q}`, ROUNDS));
			const cold = await withServer(uncached, (base) => timeHttp(`${base}${path}${q}`, ROUNDS / 4));
			const b = bare(kind, filterOf(qs));
			rows.push({ endpoint: kind === 'stats' ? 'stats' : 'engagements p1', filter: qs || '(none)', warm50: pct(warm, 50), warm95: pct(warm, 95), cold50: pct(cold, 50), bare50: pct(b, 50) });
		}
	}
	console.log(`\n/api/v1 at ${all.toLocaleString('en-US')} engagements (ms; budget: p50 < 5 and within 3x bare)`);
	console.log('endpoint        filter                       HTTP p50  HTTP p95  no-cache p50  bare p50  p50/bare  no-cache/bare');
	for (const r of rows) {
		console.log(
			`${r.endpoint.padEnd(15)} ${r.filter.padEnd(28)} ${ms(r.warm50)}   ${ms(r.warm95)}   ${ms(r.cold50)}      ${ms(r.bare50)}   ${(r.warm50 / r.bare50).toFixed(2).padStart(6)}x  ${(r.cold50 / r.bare50).toFixed(2).padStart(8)}x`
		);
	}
	const within = rows.filter((r) => r.warm50 < 5 && r.warm50 <= 3 * r.bare50).length;
	console.log(`${within} of ${rows.length} within budget with the response cache; ${rows.filter((r) => r.cold50 < 5).length} of ${rows.length} under 5 ms without it; ${rows.filter((r) => r.cold50 <= 3 * r.bare50).length} of ${rows.length} within 3x bare without it`);

	// ---- full CSV export: size, time and the server's memory while it streams.
	const exp = await withServer(uncached, async (base) => {
		const pid = uncached.proc.pid!;
		const before = rss(pid);
		let maxNow = before.now;
		const sampler = setInterval(() => (maxNow = Math.max(maxNow, rss(pid).now)), 50);
		agent.destroy();
		agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
		const t0 = performance.now();
		try {
			const bytes = await get(`${base}/api/v1/engagements?format=csv`);
			return { bytes, secs: (performance.now() - t0) / 1000, before, maxNow, after: rss(pid) };
		} finally {
			clearInterval(sampler);
		}
	});
	console.log(`\nfull CSV export: ${(exp.bytes / 1e6).toFixed(1)} MB in ${exp.secs.toFixed(2)} s (${(exp.bytes / 1e6 / exp.secs).toFixed(1)} MB/s)`);
	console.log(`server RSS: ${exp.before.now.toFixed(0)} MB before, at most ${exp.maxNow.toFixed(0)} MB while streaming, peak (VmHWM) ${exp.after.peak.toFixed(0)} MB over its whole run`);
} finally {
	cached.proc.kill('SIGTERM');
	uncached.proc.kill('SIGTERM');
	agent.destroy();
	sqlite.close();
	if (dir) rmSync(dir, { recursive: true, force: true });
}
