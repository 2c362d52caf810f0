/**
 * /api/v1, /data and /embed against the production server (plain fetch, plus Chromium for the embed and the
 * share control). Every documented parameter is sent and every response checked against the OpenAPI schemas.
 */
import { describe, it, expect, beforeAll, afterAll, inject } from 'vitest';
import { mkdtempSync, writeFileSync, statSync, openSync, readSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { launch, watchErrors } from './browser';
import { checkSchema } from './api-schema';
import { runImport } from '../src/lib/import/run';
import { openAtlas } from '../src/lib/server/db/open';
import { chunksOf, type ApiEngagement } from '../src/lib/server/queries/export';
import { emptyFilters } from '../src/lib/filters';

const base = inject('baseURL');
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
let spec: Json;

const get = (path: string, headers: Record<string, string> = {}) => fetch(`${base}${path}`, { headers });
const getJson = async (path: string): Promise<Json> => {
	const r = await get(path);
	expect(r.status, `${path}: ${r.status}`).toBe(200);
	return r.json();
};

/** The schema of the 200 response of a path for a media type. */
function responseSchema(path: string, type = 'application/json'): Json {
	return spec.paths[path].get.responses['200'].content[type].schema;
}
function expectValid(value: unknown, schema: Json, where: string) {
	expect(checkSchema(value, schema, spec), where).toEqual([]);
}

beforeAll(async () => {
	spec = await getJson('/api/v1/openapi.json');
});

describe('the schema checker', () => {
	it('finds what is wrong, and where', () => {
		const root = { components: { schemas: { P: { type: 'object', properties: { n: { type: 'integer' } }, required: ['n'], additionalProperties: false } } } };
		expect(checkSchema({ n: 1 }, { $ref: '#/components/schemas/P' }, root)).toEqual([]);
		expect(checkSchema({ n: 1.5 }, { $ref: '#/components/schemas/P' }, root)).toEqual(['$.n: expected integer, got number']);
		expect(checkSchema({ x: 1 }, { $ref: '#/components/schemas/P' }, root)).toEqual(['$: missing property "n"', '$: unexpected property "x"']);
		expect(checkSchema(['a', null], { type: 'array', items: { type: ['string'], enum: ['a'] } }, root)).toEqual(['$[1]: expected string, got null']);
		expect(checkSchema(1, { oneOf: [] }, root)[0]).toContain('does not know');
	});
});

describe('OpenAPI description against the real responses', () => {
	it('is OpenAPI 3.1 and documents every endpoint', () => {
		expect(spec.openapi).toBe('3.1.0');
		for (const p of ['/api/v1/engagements', '/api/v1/stats', '/api/v1/places', '/api/v1/places/{slug}', '/api/v1/countries', '/api/v1/networks']) expect(spec.paths[p]).toBeDefined();
	});

	it('accepts every documented parameter with its example, and every answer matches its schema', async () => {
		let checked = 0;
		for (const [path, item] of Object.entries<Json>(spec.paths)) {
			const params: Json[] = (item.get.parameters ?? []).map((p: Json) => (p.$ref ? spec.components.parameters[p.$ref.split('/').pop()] : p));
			const pathParam = params.find((p) => p.in === 'path');
			const url = pathParam ? path.replace(`{${pathParam.name}}`, pathParam.example) : path;
			const cases: Record<string, string>[] = [{}];
			for (const p of params.filter((p) => p.in === 'query')) cases.push({ ...(p['x-with'] ?? {}), [p.name]: p.example });
			for (const c of cases) {
				const qs = new URLSearchParams(c).toString();
				const r = await get(`${url}${qs ? `?${qs}` : ''}`);
				expect(r.status, `${url}?${qs}`).toBe(200);
				const type = (r.headers.get('content-type') ?? '').split(';')[0];
				const content = item.get.responses['200'].content;
				expect(Object.keys(content), `${url}?${qs} answered ${type}`).toContain(type);
				const text = await r.text();
				if (type !== 'text/csv') expectValid(JSON.parse(text), content[type].schema, `${url}?${qs}`);
				checked++;
			}
		}
		expect(checked).toBeGreaterThan(40);
	});

	it('documents exactly the parameters the server accepts', async () => {
		for (const [path, item] of Object.entries<Json>(spec.paths)) {
			if (path.includes('{')) continue;
			const documented = (item.get.parameters ?? []).map((p: Json) => (p.$ref ? p.$ref.split('/').pop() : p.name)).sort();
			const r = await get(`${path}?not_a_parameter=1`);
			expect(r.status).toBe(400);
			const body = await r.json();
			expect([...body.errors[0].allowed].sort(), path).toEqual(documented);
		}
	});
});

describe('/api/v1/engagements', () => {
	it('pages to the end without loss or repeat, agreeing with stats and the CSV', async () => {
		const qs = 'type=sister_relationship,office_abroad';
		const stats = await getJson(`/api/v1/stats?${qs}`);
		const ids: string[] = [];
		let next: string | null = `/api/v1/engagements?${qs}&limit=97`;
		let pages = 0;
		while (next) {
			const page: Json = await getJson(next);
			expectValid(page, responseSchema('/api/v1/engagements'), next);
			expect(page.meta.total).toBe(stats.total);
			ids.push(...page.data.map((x: Json) => x.id));
			next = page.meta.next;
			pages++;
		}
		expect(pages).toBe(Math.ceil(stats.total / 97));
		expect(ids.length).toBe(stats.total);
		expect(new Set(ids).size).toBe(ids.length);
		const csv = await (await get(`/api/v1/engagements?${qs}&format=csv`)).text();
		const csvIds = new Set(csv.trim().split('\r\n').slice(1).map((l) => l.slice(0, l.indexOf(','))));
		expect([...csvIds].sort()).toEqual([...ids].sort());
	});

	it('agrees with /api/v1/stats, countries and places for several filters', async () => {
		for (const qs of ['', 'country=JP', 'state=CA,TX', 'issue=climate_environment', 'status=terminated,suspended', 'region=Europe&from=2000', 'q=sister', 'kind=state&type=office_abroad']) {
			const [page, stats, countries, geo] = await Promise.all([
				getJson(`/api/v1/engagements?limit=1&${qs}`),
				getJson(`/api/v1/stats?${qs}`),
				getJson(`/api/v1/countries?${qs}`),
				(await get(`/api/v1/engagements?format=geojson&${qs}`)).json()
			]);
			expect(page.meta.total, qs).toBe(stats.total);
			expect(geo.features.length, qs).toBe(stats.total);
			expect(stats.byType.reduce((a: number, r: Json) => a + r.n, 0), qs).toBe(stats.total);
			expect(countries.data.reduce((a: number, r: Json) => a + r.n, 0), qs).toBe(geo.features.filter((f: Json) => f.properties.partner.country !== null).length);
		}
	});

	it('streams GeoJSON with place points, partner points and great-circle lines', async () => {
		for (const geometry of ['place', 'partner', 'line']) {
			const r = await get(`/api/v1/engagements?format=geojson&country=JP&geometry=${geometry}`);
			expect(r.headers.get('content-type')).toContain('application/geo+json');
			const fc = await r.json();
			expectValid(fc, responseSchema('/api/v1/engagements', 'application/geo+json'), geometry);
			const types = new Set(fc.features.map((f: Json) => f.geometry?.type));
			if (geometry === 'line') expect([...types].every((t) => t === 'LineString' || t === 'MultiLineString')).toBe(true);
			else expect([...types]).toEqual(['Point']);
		}
	});

	it('exports CSV that re-imports into an empty database with the same records', async () => {
		const csv = await (await get('/api/v1/engagements?format=csv')).text();
		const dir = mkdtempSync(join(tmpdir(), 'atlas-api-roundtrip-'));
		writeFileSync(join(dir, 'export.csv'), csv);
		const r = runImport([join(dir, 'export.csv')], join(dir, 'again.db'), { dataDir: 'data' });
		expect(r.problems).toEqual([]);
		const again = [...chunksOf(openAtlas(join(dir, 'again.db')).db, emptyFilters())].flat();
		const served: ApiEngagement[] = [];
		for (let next: string | null = '/api/v1/engagements?limit=1000'; next; ) {
			const page: Json = await getJson(next);
			served.push(...page.data);
			next = page.meta.next;
		}
		// Slugs of places and partners are given in the order the build meets them, so compare what they name.
		const strip = (x: ApiEngagement) => ({ ...x, lead_place: { ...x.lead_place, slug: '' }, places: x.places.map((p) => ({ ...p, slug: '' })), partner: { ...x.partner, slug: '' } });
		expect(again.map(strip)).toEqual(served.map(strip));
	}, 120_000);
});

describe('strict input', () => {
	const bad: [string, string][] = [
		['/api/v1/engagements?colour=red', 'colour'],
		['/api/v1/engagements?type=sister_city', 'type'],
		['/api/v1/engagements?format=xml', 'format'],
		['/api/v1/engagements?limit=0', 'limit'],
		['/api/v1/engagements?limit=1001', 'limit'],
		['/api/v1/engagements?limit=-5', 'limit'],
		['/api/v1/engagements?limit=2.5', 'limit'],
		['/api/v1/engagements?limit=1&limit=2', 'limit'],
		['/api/v1/engagements?cursor=%25%25%25', 'cursor'],
		['/api/v1/engagements?cursor=QUJD', 'cursor'],
		['/api/v1/engagements?format=csv&limit=10', 'limit'],
		['/api/v1/engagements?geometry=line', 'geometry'],
		['/api/v1/engagements?format=geojson&geometry=polygon', 'geometry'],
		['/api/v1/engagements?from=99', 'from'],
		['/api/v1/engagements?from=2020&to=2000', 'to'],
		['/api/v1/engagements?country=Japan', 'country'],
		['/api/v1/engagements?q=' + 'x'.repeat(201), 'q'],
		['/api/v1/stats?state=XX', 'state'],
		['/api/v1/stats?limit=5', 'limit'],
		['/api/v1/places?format=csv', 'format'],
		['/api/v1/places?kind=village', 'kind'],
		['/api/v1/countries?region=Atlantis', 'region'],
		['/api/v1/networks?status=asleep', 'status'],
		['/api/v1/places/wa-seattle?verbose=1', 'verbose'],
		['/api/v1/openapi.json?v=2', 'v'],
		['/data/atlas.db?x=1', 'x']
	];
	for (const [url, parameter] of bad) {
		it(`${url.slice(0, 70)} → 400 naming ${parameter}`, async () => {
			const r = await get(url);
			expect(r.status).toBe(400);
			expect(r.headers.get('access-control-allow-origin')).toBe('*');
			const body = await r.json();
			expectValid(body, spec.components.schemas.Error, url);
			const named = body.errors.find((e: Json) => e.parameter === parameter);
			expect(named, JSON.stringify(body)).toBeDefined();
			expect(named.message.length).toBeGreaterThan(5);
		});
	}
	it('lists the allowed values of a bad enumeration', async () => {
		const body = await (await get('/api/v1/engagements?status=asleep')).json();
		expect(body.errors[0].allowed).toContain('terminated');
	});
	it('answers an unknown place with 404 and close matches', async () => {
		const r = await get('/api/v1/places/wa-seatle');
		expect(r.status).toBe(404);
		const body = await r.json();
		expectValid(body, spec.components.schemas.NotFound, 'not found');
		expect(body.suggestions.map((s: Json) => s.slug)).toContain('wa-seattle');
	});
});

describe('caching and CORS', () => {
	const urls = ['/api/v1/engagements?state=WA', '/api/v1/engagements?format=csv&state=WA', '/api/v1/engagements?format=geojson&state=WA', '/api/v1/stats', '/api/v1/places', '/api/v1/places?format=geojson', '/api/v1/places/wa-seattle', '/api/v1/countries', '/api/v1/networks', '/api/v1/openapi.json', '/data/atlas.db'];
	for (const url of urls) {
		it(`${url}: ETag of the dataset version, public caching, 304 on If-None-Match`, async () => {
			const r = await get(url);
			expect(r.status).toBe(200);
			await r.arrayBuffer();
			const etag = r.headers.get('etag')!;
			expect(etag).toMatch(/^"[0-9a-f]{12}-\d+"$/);
			expect(r.headers.get('cache-control')).toMatch(/public/);
			expect(r.headers.get('access-control-allow-origin')).toBe('*');
			const again = await get(url, { 'If-None-Match': etag });
			expect(again.status).toBe(304);
			expect(await again.text()).toBe('');
			const other = await get(url, { 'If-None-Match': '"not-this-one"' });
			expect(other.status).toBe(200);
			await other.arrayBuffer();
		});
	}
	it('carries the dataset version, licence and attribution in JSON', async () => {
		const page = await getJson('/api/v1/engagements?limit=1');
		const etag = (await get('/api/v1/stats')).headers.get('etag');
		expect(etag).toContain(page.meta.dataset.version);
		expect(page.meta.licence).toMatch(/CC BY 4\.0/);
		expect(page.meta.attribution).toMatch(/GeoNames/);
	});
});

describe("the explorer map's point lists", () => {
	it('serve every place and mapped partner once per dataset version, immutable when asked by version', async () => {
		const version = (await getJson('/api/v1/stats')).meta.dataset.version as string;
		const places = await get(`/map/places.json?v=${version}`);
		expect(places.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
		const body = await places.json();
		expect(body.version).toBe(version);
		const api = await getJson('/api/v1/places');
		expect(body.points.map((p: unknown[]) => p[0]).sort()).toEqual(api.data.map((p: Json) => p.slug).sort());
		const seattle = body.points.find((p: unknown[]) => p[0] === 'wa-seattle');
		expect(seattle[5]).toBe(api.data.find((p: Json) => p.slug === 'wa-seattle').n);
		// Without the version (or with an old one) the answer must be revalidated.
		expect((await get('/map/places.json?v=old')).headers.get('cache-control')).toBe('no-cache');
		const partners = await getJson('/map/partners.json');
		expect(partners.points.length).toBeGreaterThan(100);
		expect(partners.points.every((p: unknown[]) => typeof p[3] === 'number' && typeof p[4] === 'number')).toBe(true);
		expect((await get('/map/roads.json')).status).toBe(404);
	});
});

describe('/data', () => {
	it('serves the database file itself', async () => {
		const dbPath = resolve(process.env.DATABASE_PATH || 'data/atlas.db');
		const r = await get('/data/atlas.db');
		const bytes = new Uint8Array(await r.arrayBuffer());
		expect(bytes.length).toBe(statSync(dbPath).size);
		expect(new TextDecoder().decode(bytes.slice(0, 15))).toBe('SQLite format 3');
		const head = Buffer.alloc(100);
		const fd = openSync(dbPath, 'r');
		readSync(fd, head, 0, 100, 0);
		closeSync(fd);
		expect(Buffer.from(bytes.slice(0, 100)).equals(head)).toBe(true);
		expect(r.headers.get('content-disposition')).toMatch(/attachment; filename="diplomacy-atlas-[0-9a-f]{12}\.db"/);
	});

	it('links the downloads with sizes, the citation and an API reference for every endpoint', async () => {
		const html = await (await get('/data')).text();
		for (const href of ['/data/atlas.db', '/api/v1/engagements?format=csv', '/api/v1/engagements?format=geojson']) expect(html).toContain(`href="${href}"`);
		const csvBytes = (await (await get('/api/v1/engagements?format=csv')).arrayBuffer()).byteLength;
		expect(html).toContain(`${(csvBytes / 1e6).toFixed(1)} MB`);
		expect(html).toMatch(/Diplomacy Atlas \(\d{4}\)\. International engagements .* dataset version [0-9a-f]{12}/);
		for (const path of Object.keys(spec.paths)) expect(html).toContain(`GET ${path}`);
	});
});

describe('/embed and the share control', () => {
	let browser: Browser;
	beforeAll(async () => {
		browser = await launch();
	});
	afterAll(async () => {
		await browser?.close();
	});

	it('allows framing only for /embed', async () => {
		const embed = await get('/embed?state=WA');
		expect(embed.headers.get('x-frame-options')).toBeNull();
		expect(embed.headers.get('content-security-policy')).toMatch(/frame-ancestors \*/);
		for (const path of ['/', '/data', '/about']) {
			const r = await get(path);
			expect(r.headers.get('x-frame-options'), path).toBe('DENY');
			expect(r.headers.get('content-security-policy'), path).toMatch(/frame-ancestors 'none'/);
		}
		expect((await get('/embed?type=nope')).status).toBe(400);
	});

	it('draws the map for the URL filters in an iframe, without the site chrome, linking back to the atlas', async () => {
		// A page on another origin frames the embed, as a newspaper's page would.
		const host = createServer((_req, res) => {
			res.setHeader('content-type', 'text/html');
			res.end(`<!doctype html><title>host</title><iframe src="${base}/embed?state=WA&type=sister_relationship" width="640" height="480"></iframe>`);
		});
		await new Promise<void>((r) => host.listen(0, '127.0.0.1', r));
		const page = await browser.newPage({ viewport: { width: 900, height: 600 } });
		const errors = watchErrors(page);
		try {
			await page.goto(`http://127.0.0.1:${(host.address() as AddressInfo).port}/`);
			const frame = page.frameLocator('iframe');
			await frame.locator('[data-testid="atlas-map"][data-state="ready"]').waitFor({ timeout: 30_000 });
			await expect(frame.locator('header.site').isVisible()).resolves.toBe(false);
			const href = (await frame.getByTestId('embed-atlas-link').getAttribute('href'))!;
			expect(href.startsWith('/?')).toBe(true);
			expect(Object.fromEntries(new URLSearchParams(href.slice(2)))).toEqual({ state: 'WA', type: 'sister_relationship' });
			const stats = await getJson('/api/v1/stats?state=WA&type=sister_relationship');
			await expect(frame.getByTestId('embed').textContent()).resolves.toContain(`${stats.total.toLocaleString('en-US')} engagement`);
			expect(errors).toEqual([]);
		} finally {
			await page.close();
			host.close();
		}
	});

	it('offers the link and the iframe snippet on the explorer, without JavaScript', async () => {
		const context = await browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto(`${base}/?country=JP&type=sister_relationship`);
		const snippet = page.getByTestId('embed-snippet');
		await expect(snippet.isVisible()).resolves.toBe(false);
		await page.getByTestId('share-embed').locator('summary').click();
		await expect(snippet.isVisible()).resolves.toBe(true);
		const html = await snippet.inputValue();
		const src = /^<iframe src="([^"]+)"/.exec(html)?.[1] ?? '';
		const url = new URL(src);
		expect(url.origin + url.pathname).toBe(`${base}/embed`);
		expect(Object.fromEntries(url.searchParams)).toEqual({ country: 'JP', type: 'sister_relationship' });
		const link = new URL(await page.getByTestId('share-link').inputValue());
		expect(link.origin + link.pathname).toBe(`${base}/`);
		expect(link.search).toBe(url.search);
		// The snippet works: its src answers with the embed page.
		expect((await get(url.pathname + url.search)).status).toBe(200);
		await context.close();
	});
});
