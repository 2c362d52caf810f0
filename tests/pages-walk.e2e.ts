/**
 * Walk every place, partner country and network in the served database: each page answers 200 from the
 * production server and names its subject in its <h1>. Failures are collected so that one run lists them all.
 */
import { describe, it, expect, inject } from 'vitest';
import { openServedDb, h1Text } from './pages-data';

const base = inject('baseURL');

interface Target {
	path: string;
	name: string;
}

function targets(): Target[] {
	const db = openServedDb();
	try {
		const places = db.prepare('SELECT slug, label FROM places ORDER BY slug').all() as { slug: string; label: string }[];
		const countries = db
			.prepare('SELECT c.iso2, c.name FROM countries c WHERE c.iso2 IN (SELECT DISTINCT partner_country FROM engagements) ORDER BY c.iso2')
			.all() as { iso2: string; name: string }[];
		const networks = db.prepare('SELECT slug, name FROM networks ORDER BY slug').all() as { slug: string; name: string }[];
		return [
			...places.map((p) => ({ path: `/places/${p.slug}`, name: p.label })),
			...countries.map((c) => ({ path: `/countries/${c.iso2}`, name: c.name })),
			...networks.map((n) => ({ path: `/networks/${n.slug}`, name: n.name }))
		];
	} finally {
		db.close();
	}
}

async function check(t: Target): Promise<string | null> {
	const res = await fetch(`${base}${t.path}`);
	const html = await res.text();
	if (res.status !== 200) return `${t.path}: HTTP ${res.status}`;
	const h1 = h1Text(html);
	if (h1 !== t.name) return `${t.path}: <h1> is ${JSON.stringify(h1)}, expected ${JSON.stringify(t.name)}`;
	if (!html.includes('<link rel="canonical"')) return `${t.path}: no canonical link`;
	return null;
}

describe('every page of the data', () => {
	it('answers 200 and names its place, country or network', { timeout: 300_000 }, async () => {
		const all = targets();
		expect(all.filter((t) => t.path.startsWith('/places/')).length).toBeGreaterThan(0);
		expect(all.filter((t) => t.path.startsWith('/countries/')).length).toBeGreaterThan(0);
		expect(all.filter((t) => t.path.startsWith('/networks/')).length).toBeGreaterThan(0);
		const problems: string[] = [];
		// A few requests at a time: fast enough, and gentle on a shared 2-core machine.
		let next = 0;
		const worker = async () => {
			while (next < all.length) {
				const t = all[next++];
				const p = await check(t);
				if (p) problems.push(p);
			}
		};
		await Promise.all([worker(), worker(), worker()]);
		expect(problems).toEqual([]);
	});
});
