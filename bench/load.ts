/**
 * Load test: autocannon against the production server on loopback, 30 s at 50 connections (25 on pages, 25 on
 * the API), with random filters. Prints requests per second, p50 and p99 latency, errors and the server's RSS
 * before and after. Budget on this 2-core machine: zero errors, API p99 under 100 ms, RSS growth under 10%.
 * Usage: npm run bench:load [-- SECONDS]
 */
import autocannon from 'autocannon';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { startServer, waitUp } from '../tests/helpers/server';
import { TYPE_IDS, ISSUE_IDS, STATUS_IDS } from '../src/lib/taxonomy';
import { STATES } from '../src/lib/states';

const seconds = Number(process.argv[2] ?? 30);
// As `npm start` serves: scripts/serve.mjs, one worker per core.
const server = await startServer(resolve(process.env.DATABASE_PATH ?? 'data/atlas.db'), {}, 'scripts/serve.mjs');
await waitUp(server);
/** Resident memory of the server: the primary and its workers together. */
function rss(): number {
	const pids = [server.proc.pid!, ...readFileSync(`/proc/${server.proc.pid}/task/${server.proc.pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number)];
	return pids.reduce((sum, pid) => sum + Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024, 0);
}

const places: { slug: string }[] = (await (await fetch(`${server.url}/api/v1/places`)).json()).data;
const countries: string[] = (await (await fetch(`${server.url}/api/v1/stats`)).json()).byCountry.map((c: { key: string }) => c.key);
const pick = <T>(a: readonly T[]) => a[Math.floor(Math.random() * a.length)];
function randomFilter(): string {
	const p = new URLSearchParams();
	if (Math.random() < 0.5) p.set('type', pick(TYPE_IDS));
	if (Math.random() < 0.3) p.set('issue', pick(ISSUE_IDS));
	if (Math.random() < 0.3) p.set('state', pick(STATES).code);
	if (Math.random() < 0.3) p.set('country', pick(countries));
	if (Math.random() < 0.2) p.set('status', pick(STATUS_IDS));
	if (Math.random() < 0.2) p.set('from', String(1950 + Math.floor(Math.random() * 70)));
	if (Math.random() < 0.1) p.set('q', pick(['sister', 'trade', 'climate', 'japan', 'office', 'mission']));
	return p.toString();
}

function run(title: string, connections: number, path: () => string, duration = seconds) {
	return autocannon({
		url: server.url,
		connections,
		duration,
		requests: [{ setupRequest: (req) => ({ ...req, path: path() }) }]
	}).then((r) => ({ title, r }));
}

// Warm up under the same mix until memory is steady (two 5 s rounds in a row within 3% of each other; at least
// 10 s, at most 60 s): a new process grows its heap and fills its bounded caches for a while, and the growth
// measured afterwards should be what a leak would show, not the first minute of a process.
const pagePath = () => (Math.random() < 0.5 ? `/?${randomFilter()}` : `/places/${pick(places).slug}`);
const apiPath = () => (Math.random() < 0.5 ? `/api/v1/stats?${randomFilter()}` : `/api/v1/engagements?limit=50&${randomFilter()}`);
const warmRss: number[] = [rss()];
let warm = 0;
while (warm < 60) {
	await Promise.all([run('warm-up', 25, pagePath, 5), run('warm-up', 25, apiPath, 5)]);
	warm += 5;
	warmRss.push(rss());
	const [a, b] = warmRss.slice(-2);
	if (warm >= 10 && Math.abs(b - a) / a < 0.03) break;
}
const rssBefore = warmRss.at(-1)!;

const results = await Promise.all([run('pages (/, place pages)', 25, pagePath), run('API (stats, engagements)', 25, apiPath)]);
const rssAfter = rss();
server.proc.kill('SIGTERM');

console.log(`load: ${seconds} s, 50 connections, against ${server.url} (after a ${warm} s warm-up under the same load; RSS during it: ${warmRss.map((x) => x.toFixed(0)).join(' → ')} MB)`);
for (const { title, r } of results) {
	const errors = r.errors + r.timeouts + r.non2xx;
	console.log(`  ${title.padEnd(26)} ${r.requests.average.toFixed(0).padStart(6)} req/s  p50 ${r.latency.p50} ms  p99 ${r.latency.p99} ms  errors ${errors} (of ${r.requests.total})`);
}
const api = results[1].r;
const growth = (100 * (rssAfter - rssBefore)) / rssBefore;
console.log(`  server RSS ${rssBefore.toFixed(0)} MB before, ${rssAfter.toFixed(0)} MB after (${growth >= 0 ? '+' : ''}${growth.toFixed(1)}%)`);
const ok = results.every(({ r }) => r.errors + r.timeouts + r.non2xx === 0) && api.latency.p99 < 100 && growth < 10;
console.log(`  budget (0 errors, API p99 < 100 ms, RSS growth < 10%): ${ok ? 'within' : 'OVER'}`);
