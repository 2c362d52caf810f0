/**
 * Text, never markup: script and HTML payloads in every text column of a dataset render as text on every page
 * type and come back as plain data in every export; the security headers are on pages, the API and /embed.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { runBuild } from '../src/lib/import/run';
import { startServer, waitUp, type Started } from './helpers/server';
import { launch } from './browser';

const P1 = '<script>window.__xss=1</script>';
const P2 = '"><img src=x onerror="window.__xss=2">';
const P3 = "</textarea><svg onload=window.__xss=3>";
const hostile = (label: string) => `${label} ${P1} ${P2} ${P3}`;
const q = (s: string) => `"${s.replace(/"/g, '""')}"`;

let server: Started;
let browser: Browser;

beforeAll(async () => {
	const dir = mkdtempSync(join(tmpdir(), 'atlas-xss-'));
	mkdirSync(join(dir, 'engagements'));
	writeFileSync(join(dir, 'networks.csv'), `slug,name,url,issue_areas,summary,founded\nevil-net,${q(hostile('Net'))},https://example.org/net,climate_environment,${q(hostile('NetSummary'))},2001\n`);
	writeFileSync(join(dir, 'places.csv'), `place,office_name,office_url,source_url\n"Seattle, WA",${q(hostile('Office'))},https://example.org/office,https://example.org/office\n`);
	const header = 'id,place,type,partner_kind,partner,partner_country,network,title,summary,start_date,end_date,status,end_reason,issue_areas,group,source_url,source_title,source_publisher,source_kind,verification,as_of';
	const rows = [
		`x:one,"Seattle, WA",cooperation_agreement,organisation,${q(hostile('Org'))},JP,,${q(hostile('Title'))},${q(hostile('Summary'))},2020,2021,terminated,${q(hostile('Reason'))},economy_trade,grp,https://example.org/a,${q(hostile('SourceTitle'))},${q(hostile('Publisher'))},news,seen,2026-11-30`,
		`x:two,"Seattle, WA",network_membership,network,,,evil-net,${q(hostile('Member'))},,2019,,active,,climate_environment,grp,https://example.org/b,,,official,site,`,
		`x:three,WA,sister_relationship,region,Hyogo,JP,,${q(hostile('Sister'))},,1963,,active,,culture_education,,https://example.org/c,,,official,site,`
	];
	writeFileSync(join(dir, 'engagements', 'hostile.csv'), `${header}\n${rows.join('\n')}\n`);
	const dbPath = join(dir, 'atlas.db');
	const r = runBuild(dir, dbPath);
	if (!r.ok) throw new Error(r.problems.join('\n'));
	server = await startServer(dbPath);
	await waitUp(server);
	browser = await launch();
});

afterAll(async () => {
	await browser?.close();
	server?.proc.kill('SIGTERM');
});

const PAGES = ['/', '/?q=script', '/?place=wa-seattle', '/places/wa-seattle', '/places/wa', '/countries/JP', '/networks/evil-net', '/engagements/x:one', '/compare?places=wa-seattle,wa', '/about', '/data', '/embed', '/endings'];

describe('hostile text in the data', () => {
	it.each(PAGES)('%s shows it as text, never as markup', async (path) => {
		const res = await fetch(`${server.url}${path}`);
		expect(res.status).toBe(200);
		const html = await res.text();
		for (const payload of [P1, P2, P3]) expect(html).not.toContain(payload);
		expect(html).not.toMatch(/<img src=x/i);
		expect(html).not.toMatch(/<svg onload/i);

		const page = await browser.newPage();
		let dialog = false;
		page.on('dialog', (d) => {
			dialog = true;
			void d.dismiss();
		});
		await page.goto(`${server.url}${path}`);
		await page.waitForLoadState('networkidle');
		expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
		expect(dialog).toBe(false);
		await page.close();
	});

	it('the hostile title is visible as literal text on the record page', async () => {
		const page = await browser.newPage();
		await page.goto(`${server.url}/engagements/x:one`);
		await expect(page.locator('h1').textContent()).resolves.toContain('<script>window.__xss=1</script>');
		await page.close();
	});

	it('comes back as data in every export', async () => {
		for (const fmt of ['json', 'geojson', 'csv']) {
			const res = await fetch(`${server.url}/api/v1/engagements?format=${fmt}`);
			expect(res.status).toBe(200);
			expect(res.headers.get('x-content-type-options')).toBe('nosniff');
			const type = res.headers.get('content-type') ?? '';
			expect(type).toMatch(fmt === 'csv' ? /^text\/csv/ : /json/);
			const body = await res.text();
			if (fmt === 'csv') expect(body).toContain(q(hostile('Title')));
			else expect(JSON.stringify(JSON.parse(body))).toContain(JSON.stringify(hostile('Title')).slice(1, -1));
		}
	});
});

describe('security headers', () => {
	it('a page: CSP without unsafe-eval, nosniff, referrer and permissions policies, no framing', async () => {
		const res = await fetch(`${server.url}/places/wa-seattle`);
		const csp = res.headers.get('content-security-policy') ?? '';
		expect(csp).toMatch(/script-src 'self'/);
		expect(csp).not.toMatch(/unsafe-eval/);
		expect(csp).toMatch(/worker-src 'self' blob:/);
		expect(csp).toMatch(/frame-ancestors 'none'/);
		expect(res.headers.get('x-frame-options')).toBe('DENY');
		expect(res.headers.get('x-content-type-options')).toBe('nosniff');
		expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
		expect(res.headers.get('permissions-policy')).toMatch(/geolocation=\(\)/);
	});
	it('an API response: nosniff, CORS, no framing', async () => {
		const res = await fetch(`${server.url}/api/v1/stats`);
		expect(res.headers.get('x-content-type-options')).toBe('nosniff');
		expect(res.headers.get('access-control-allow-origin')).toBe('*');
		expect(res.headers.get('x-frame-options')).toBe('DENY');
	});
	it('/embed may be framed anywhere, and nothing else may', async () => {
		const res = await fetch(`${server.url}/embed`);
		expect(res.headers.get('x-frame-options')).toBeNull();
		expect(res.headers.get('content-security-policy') ?? '').toMatch(/frame-ancestors \*/);
	});
});
