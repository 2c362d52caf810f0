/**
 * Property tests over HTTP: random and hostile query strings and path segments on every route and API endpoint
 * never give a 500 and never hang (each answer within 5 s).
 */
import { describe, it, expect, inject } from 'vitest';
import fc from 'fast-check';

const base = inject('baseURL');
const ROUTES = ['/', '/about', '/data', '/embed', '/compare', '/endings', '/api/v1/engagements', '/api/v1/stats', '/api/v1/places', '/api/v1/countries', '/api/v1/networks', '/api/v1/openapi.json', '/map/places.json', '/map/partners.json'];
const PARAMS = ['type', 'issue', 'country', 'region', 'state', 'census', 'kind', 'status', 'from', 'to', 'q', 'page', 'view', 'place', 'places', 'limit', 'offset', 'cursor', 'format', 'geometry', 'km', 'x'];
const HOSTILE = ["'", '"', '%00', '%', '%ZZ', '\u0000', '<script>', '${x}', '../../etc/passwd', 'NEAR(', '"a" OR', '*', '-1', '1e309', '99999999999999999999', ' ', ',', ',,,', 'JP,,', 'sister_relationship,'.repeat(50), '\uD800', '😀', 'a'.repeat(5000)];

async function get(path: string): Promise<number> {
	const ctrl = new AbortController();
	const timer = setTimeout(() => ctrl.abort(), 5000);
	try {
		const r = await fetch(`${base}${path}`, { signal: ctrl.signal, redirect: 'manual' });
		await r.arrayBuffer();
		return r.status;
	} finally {
		clearTimeout(timer);
	}
}

const value = fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ maxLength: 30 }), fc.string({ unit: 'binary', maxLength: 10 }), fc.integer().map(String));
const query = fc.array(fc.tuple(fc.constantFrom(...PARAMS), value), { maxLength: 5 }).map((pairs) => {
	const p = new URLSearchParams();
	for (const [k, v] of pairs) p.append(k, v);
	return p.toString();
});

describe('no route answers random input with a 500 or hangs', () => {
	it('query strings on every route', async () => {
		await fc.assert(
			fc.asyncProperty(fc.constantFrom(...ROUTES), query, async (route, qs) => {
				const status = await get(`${route}?${qs}`);
				expect(status, `${route}?${qs}`).toBeLessThan(500);
			}),
			{ numRuns: 150 }
		);
	});

	it('path segments on every page type and API item', async () => {
		const prefixes = ['/places/', '/countries/', '/networks/', '/engagements/', '/api/v1/places/'];
		// A lone surrogate cannot be encoded: send the bytes of an invalid UTF-8 sequence instead.
		const enc = (s: string) => {
			try {
				return encodeURIComponent(s);
			} catch {
				return '%ED%A0%80';
			}
		};
		const segment = fc.oneof(fc.constantFrom(...HOSTILE.map(enc), '%E0%A4%A', '%FF'), fc.string({ minLength: 1, maxLength: 40 }).map(enc));
		await fc.assert(
			fc.asyncProperty(fc.constantFrom(...prefixes), segment, async (prefix, seg) => {
				const status = await get(`${prefix}${seg}`);
				expect(status, `${prefix}${seg}`).toBeLessThan(500);
			}),
			{ numRuns: 100 }
		);
	});
});
