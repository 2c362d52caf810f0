/**
 * Benchmark: how long a filter change takes to redraw the explorer (URL, summary, list, charts and the map's
 * next drawn frame) in headless Chromium against the production build. Budgets: p95 under 100 ms at 100,000
 * synthetic engagements, under 30 ms on the real dataset. Also reports the JavaScript loaded before the map
 * chunk and the basemap's size (budgets: under 100 KB and 400 KB compressed).
 * Usage: npm run bench:explorer [-- N]   (N synthetic engagements, default 100000; 0 skips the synthetic run)
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { launch } from '../tests/browser';
import { startServer, waitUp } from '../tests/helpers/server';

const N = Number(process.argv[2] ?? 100_000);
const RUNS = 40;

async function serve(dbPath: string) {
	const server = await startServer(dbPath);
	await waitUp(server);
	return server;
}

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

/**
 * Filter changes by clicking type checkboxes in Gray-code order (one box per change), so that every measured
 * filter is new: no answer comes from the browser's or the server's cache. Each change is timed from the click
 * to the moment the new frame of the map is on screen: the map says 'ready' when MapLibre has drawn it, and a
 * task posted then runs only after the browser has committed that frame, SwiftShader's raster included.
 * Before measuring, eight status changes warm up the page (JIT, first fetches); they are not counted.
 */
const TYPE_BOXES = ['sister_relationship', 'network_membership', 'office_abroad', 'outgoing_mission', 'cooperation_agreement', 'legislative_action', 'project_partnership', 'event_or_summit', 'incoming_delegation', 'friendship_agreement', 'pledge_or_declaration'];
const WARM_UP = ['active', 'completed', 'active', 'completed', 'active', 'completed', 'active', 'completed'];

async function change(page: Page, name: string, value: string): Promise<[number, number]> {
	return page.evaluate(
		([name, value]) =>
			new Promise<[number, number]>((done) => {
				const box = document.querySelector<HTMLInputElement>(`input[name="${name}"][value="${value}"]`)!;
				const summary = document.querySelector('[data-testid="summary"]')!;
				const map = document.querySelector<HTMLElement>('[data-testid="atlas-map"]')!;
				const before = summary.textContent;
				let text = 0;
				let t0 = 0;
				// Done when the navigation finished ("Updating…" gone) with a new summary, and the map drew it.
				const textDone = () => !document.querySelector('[data-testid="loading"]') && summary.textContent !== before;
				const channel = new MessageChannel();
				const finish = () => {
					observer.disconnect();
					channel.port1.onmessage = () => done([performance.now() - t0, text]);
					channel.port2.postMessage(null);
				};
				const observer = new MutationObserver(() => {
					if (!text && textDone()) text = performance.now() - t0;
					if (text && map.dataset.state === 'ready') finish();
				});
				observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['data-state'] });
				t0 = performance.now();
				box.click();
			}),
		[name, value]
	);
}

async function redrawTimes(page: Page): Promise<number[]> {
	for (const value of WARM_UP) await change(page, 'status', value);
	const times: number[] = [];
	const textTimes: number[] = [];
	for (let i = 1; i <= RUNS; i++) {
		// Gray code: step i toggles the box of i's lowest set bit, and no state repeats.
		const bit = Math.log2(i & -i);
		const [ms, text] = await change(page, 'type', TYPE_BOXES[bit]);
		times.push(ms);
		textTimes.push(text);
	}
	console.log(`  (summary, list and charts updated: p50 ${pct(textTimes, 50).toFixed(1)} ms, p95 ${pct(textTimes, 95).toFixed(1)} ms)`);
	if (process.env.BENCH_VERBOSE) console.log(`  each (map on screen/text): ${times.map((t, i) => `${t.toFixed(0)}/${textTimes[i].toFixed(0)}`).join(' ')}`);
	return times;
}

async function measure(label: string, dbPath: string) {
	const { url, proc } = await serve(dbPath);
	const browser = await launch();
	try {
		const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
		// tsx compiles with keepNames, which wraps functions sent to the page in a __name() helper.
		await page.addInitScript({ content: 'window.__name = (f) => f;' });
		// The JS a first visit needs before the map: every script requested before the MapLibre chunk (found by
		// a string only it holds). The MapLibre chunk, its worker and the basemap are imported after mount.
		const scripts: { order: number; path: string; bytes: number; isMap: boolean }[] = [];
		let order = 0;
		let basemap = 0;
		const pending: Promise<void>[] = [];
		page.on('request', (req) => {
			const path = new URL(req.url()).pathname;
			if (!/\.m?js$/.test(path)) return;
			const rec = { order: order++, path, bytes: 0, isMap: false };
			scripts.push(rec);
			pending.push(
				(async () => {
					const res = await req.response();
					const sizes = await req.sizes().catch(() => null);
					rec.bytes = sizes ? sizes.responseBodySize + sizes.responseHeadersSize : 0;
					const body = res ? await res.text().catch(() => '') : '';
					rec.isMap = body.includes('MapLibre logo');
				})()
			);
		});
		page.on('requestfinished', async (req) => {
			if (!/countries-110m|states-10m/.test(req.url())) return;
			const sizes = await req.sizes().catch(() => null);
			basemap += sizes ? sizes.responseBodySize + sizes.responseHeadersSize : 0;
		});
		await page.goto(url);
		await page.waitForSelector('[data-testid="atlas-map"][data-state="ready"]', { timeout: 60_000 });
		await page.waitForTimeout(500);
		await Promise.all(pending);
		const firstMap = Math.min(...scripts.filter((x) => x.isMap && !x.path.includes('worker')).map((x) => x.order));
		const jsBeforeMap = scripts.filter((x) => x.order < firstMap).reduce((a, x) => a + x.bytes, 0);
		const lazyJs = scripts.filter((x) => x.order >= firstMap).reduce((a, x) => a + x.bytes, 0);
		const initialCount = scripts.filter((x) => x.order < firstMap).length;
		const times = await redrawTimes(page);
		console.log(`${label}`);
		console.log(`  filter change → new map frame on screen: p50 ${pct(times, 50).toFixed(1)} ms, p95 ${pct(times, 95).toFixed(1)} ms, max ${Math.max(...times).toFixed(1)} ms (${RUNS} changes)`);
		console.log(`  JS before the map chunk: ${(jsBeforeMap / 1024).toFixed(1)} KB transferred (${initialCount} files; budget 100 KB); loaded lazily after: ${(lazyJs / 1024).toFixed(1)} KB of JS, basemap ${(basemap / 1024).toFixed(1)} KB (budget 400 KB)`);
		return times;
	} finally {
		await browser.close();
		proc.kill();
	}
}

const real = await measure('real dataset (data/atlas.db)', resolve(process.env.DATABASE_PATH ?? 'data/atlas.db'));
console.log(`  budget 30 ms p95: ${pct(real, 95) < 30 ? 'within' : 'OVER'}`);
if (N > 0) {
	const dir = mkdtempSync(join(tmpdir(), 'atlas-explorer-bench-'));
	execFileSync(process.execPath, ['--import', 'tsx', 'scripts/synth.ts', String(N), dir], { stdio: 'ignore' });
	execFileSync(process.execPath, ['--import', 'tsx', 'scripts/db-build.ts', '--data', dir], { stdio: 'ignore', env: { ...process.env, DATABASE_PATH: join(dir, 'synth.db') } });
	const synth = await measure(`${N.toLocaleString('en-US')} synthetic engagements`, join(dir, 'synth.db'));
	console.log(`  budget 100 ms p95: ${pct(synth, 95) < 100 ? 'within' : 'OVER'}`);
	rmSync(dir, { recursive: true, force: true });
}
