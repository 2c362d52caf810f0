/**
 * npm run audit: Lighthouse (12.x) with Debian's Chromium on the production build: /, a place page, a country
 * page and /data, printing the four category scores of each. Budgets: accessibility, best practices and SEO 100;
 * performance 90 or more.
 */
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { resolve } from 'node:path';
import { startServer, waitUp } from '../tests/helpers/server';
import { CHROMIUM_ARGS } from '../tests/browser';

const server = await startServer(resolve(process.env.DATABASE_PATH ?? 'data/atlas.db'));
await waitUp(server);
const places: { slug: string; kind: string; n: number }[] = (await (await fetch(`${server.url}/api/v1/places`)).json()).data;
const city = places.filter((p) => p.kind === 'city').sort((a, b) => b.n - a.n)[0];
const country = (await (await fetch(`${server.url}/api/v1/stats`)).json()).byCountry[0].key as string;
const pages = ['/', `/places/${city.slug}`, `/countries/${country}`, '/data'];

const chrome = await chromeLauncher.launch({ chromePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', chromeFlags: CHROMIUM_ARGS });
let allOk = true;
try {
	console.log('Lighthouse scores (performance, accessibility, best practices, SEO)');
	for (const path of pages) {
		const result = await lighthouse(`${server.url}${path}`, { port: chrome.port, output: 'json', logLevel: 'error' }, { extends: 'lighthouse:default', settings: { formFactor: 'desktop', screenEmulation: { mobile: false, width: 1350, height: 940, deviceScaleFactor: 1, disabled: false }, throttlingMethod: 'provided' } });
		const c = result!.lhr.categories;
		const s = (k: string) => Math.round((c[k]?.score ?? 0) * 100);
		const scores = [s('performance'), s('accessibility'), s('best-practices'), s('seo')];
		const ok = scores[0] >= 90 && scores.slice(1).every((x) => x === 100);
		allOk &&= ok;
		console.log(`  ${path.padEnd(28)} ${scores.map((x) => String(x).padStart(4)).join(' ')}  ${ok ? 'within budget' : 'BELOW budget'}`);
		if (!ok) {
			for (const a of Object.values(result!.lhr.audits)) {
				if (a.score !== null && a.score < 1 && a.scoreDisplayMode === 'binary') console.log(`      - ${a.id}: ${a.title}`);
			}
		}
	}
} finally {
	await chrome.kill();
	server.proc.kill('SIGTERM');
}
process.exit(allOk ? 0 : 1);
