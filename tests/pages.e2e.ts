/**
 * Place, country, network, record and compare pages in Chromium against the production build: what each shows
 * agrees with the served database, maps draw their arcs, pages read without JavaScript, bad addresses get a 404
 * with close matches, and axe-core finds no serious or critical accessibility violation.
 */
import { describe, it, expect, beforeAll, afterAll, inject } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { launch, watchErrors } from './browser';
import { openServedDb } from './pages-data';

const base = inject('baseURL');
let browser: Browser;

interface Subjects {
	city: { slug: string; label: string; name: string; state_code: string; n: number; partners: number };
	state: { slug: string; label: string; children: number };
	country: { iso2: string; name: string; n: number; places: number };
	network: { slug: string; name: string; members: number };
	grouped: { id: string; group_id: string; others: string[]; sources: number };
	cities: string[];
}

let s: Subjects;

beforeAll(async () => {
	browser = await launch();
	const db = openServedDb();
	const one = <T>(q: string, ...p: unknown[]) => db.prepare(q).get(...p) as T;
	const city = one<Subjects['city']>(`SELECT p.slug, p.label, p.name, p.state_code, count(*) n,
		(SELECT count(DISTINCT e2.partner_id) FROM engagements e2 JOIN partners pa ON pa.id = e2.partner_id
			WHERE pa.lat IS NOT NULL AND e2.pk IN (SELECT engagement_pk FROM engagement_places WHERE place_id = p.id)) partners
		FROM places p JOIN engagement_places ep ON ep.place_id = p.id WHERE p.kind = 'city' GROUP BY p.id ORDER BY n DESC, p.slug LIMIT 1`);
	const state = one<Subjects['state']>(`SELECT p.slug, p.label, (SELECT count(*) FROM places c WHERE c.state_code = p.state_code AND c.kind <> 'state') children
		FROM places p WHERE p.kind = 'state' ORDER BY children DESC, p.slug LIMIT 1`);
	const country = one<Subjects['country']>(`SELECT c.iso2, c.name, count(DISTINCT e.pk) n, count(DISTINCT ep.place_id) places
		FROM engagements e JOIN countries c ON c.iso2 = e.partner_country JOIN engagement_places ep ON ep.engagement_pk = e.pk
		GROUP BY c.iso2 ORDER BY n DESC LIMIT 1`);
	const network = one<Subjects['network']>(`SELECT n.slug, n.name, count(*) members FROM networks n JOIN partners pa ON pa.network_id = n.id
		JOIN engagements e ON e.partner_id = pa.id AND e.type = 'network_membership' JOIN engagement_places ep ON ep.engagement_pk = e.pk
		GROUP BY n.id ORDER BY members DESC, n.slug LIMIT 1`);
	const g = one<{ id: string; group_id: string; pk: number }>(`SELECT id, group_id, pk FROM engagements WHERE group_id IN
		(SELECT group_id FROM engagements WHERE group_id IS NOT NULL GROUP BY group_id HAVING count(*) > 1) ORDER BY id LIMIT 1`);
	const others = (db.prepare('SELECT id FROM engagements WHERE group_id = ? AND id <> ? ORDER BY id').all(g.group_id, g.id) as { id: string }[]).map((r) => r.id);
	const sources = one<{ n: number }>('SELECT count(*) n FROM sources WHERE engagement_pk = ?', g.pk).n;
	const cities = (db.prepare(`SELECT p.slug FROM places p JOIN engagement_places ep ON ep.place_id = p.id WHERE p.kind = 'city'
		GROUP BY p.id ORDER BY count(*) DESC, p.slug LIMIT 3`).all() as { slug: string }[]).map((r) => r.slug);
	db.close();
	s = { city, state, country, network, grouped: { id: g.id, group_id: g.group_id, others, sources }, cities };
});
afterAll(async () => {
	await browser?.close();
});

async function open(path: string, opts: { js?: boolean } = {}): Promise<{ page: Page; errors: string[]; status: number | undefined }> {
	const context = await browser.newContext({ javaScriptEnabled: opts.js ?? true, viewport: { width: 1280, height: 900 } });
	const page = await context.newPage();
	const errors = watchErrors(page);
	const res = await page.goto(`${base}${path}`);
	return { page, errors, status: res?.status() };
}

async function close(page: Page) {
	await page.context().close();
}

async function mapReady(page: Page): Promise<number> {
	await page.waitForSelector('[data-testid="partner-map"][data-state="ready"]', { timeout: 30_000 });
	return Number(await page.getByTestId('partner-map').getAttribute('data-arcs'));
}

async function seriousViolations(page: Page): Promise<string[]> {
	const r = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
	return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help} (${v.nodes.length})`);
}

async function headOf(page: Page) {
	return {
		title: await page.title(),
		description: await page.locator('meta[name="description"]').getAttribute('content'),
		canonical: await page.locator('link[rel="canonical"]').getAttribute('href')
	};
}

describe('place page', () => {
	it('shows counts, a timeline, a partner map with arcs, peers and nearby places', async () => {
		const { page, errors, status } = await open(`/places/${s.city.slug}`);
		expect(status).toBe(200);
		expect(await page.locator('h1').textContent()).toBe(s.city.label);
		const head = await headOf(page);
		expect(head.title).toContain(s.city.label);
		expect(head.description).toContain(s.city.label);
		expect(head.canonical).toBe(`${base}/places/${s.city.slug}`);
		// The counts by type add up to the listed engagements, which are all of the place's.
		const counts = await page.getByTestId('type-counts').locator('tbody td:nth-child(2)').allTextContents();
		expect(counts.reduce((a, c) => a + Number(c), 0)).toBe(s.city.n);
		expect(await page.locator('li.engagement').count()).toBe(s.city.n);
		expect(await page.getByTestId('timeline').count()).toBe(1);
		expect(await mapReady(page)).toBe(s.city.partners);
		const peers = page.getByTestId('peers').locator(':scope > li');
		expect(await peers.count()).toBeGreaterThan(0);
		expect(await peers.first().textContent()).toMatch(/both /);
		const explorer = new URL((await page.getByRole('link', { name: 'See them in the explorer' }).getAttribute('href'))!, base);
		expect(explorer.pathname).toBe('/');
		expect(Object.fromEntries(explorer.searchParams)).toEqual({ q: s.city.name, state: s.city.state_code });
		expect(errors).toEqual([]);
		await close(page);
	});

	it('changes the nearby distance through the GET form', async () => {
		const { page } = await open(`/places/${s.city.slug}`);
		await page.locator('#km').fill('40');
		await Promise.all([page.waitForURL(/km=40/), page.getByRole('button', { name: 'Show' }).click()]);
		const distances = await page.locator('[data-testid="nearby"] tbody td:nth-child(2)').allTextContents();
		for (const d of distances) expect(Number(d.replace(' km', ''))).toBeLessThanOrEqual(40);
		expect(await page.locator('#km').inputValue()).toBe('40');
		await close(page);
		const bad = await fetch(`${base}/places/${s.city.slug}?km=far`);
		expect(bad.status).toBe(400);
		expect(await bad.text()).toContain('km: expected a distance');
	});

	it('reads without JavaScript, and a state lists its cities and counties', async () => {
		const { page, status } = await open(`/places/${s.state.slug}`, { js: false });
		expect(status).toBe(200);
		expect(await page.locator('h1').textContent()).toBe(s.state.label);
		expect(await page.getByTestId('children').locator('tbody tr').count()).toBe(s.state.children);
		expect(await page.locator('#peers').count()).toBe(1);
		expect(await page.getByTestId('timeline').count()).toBe(1);
		await close(page);
	});
});

describe('country page', () => {
	it('lists every U.S. place engaged with the country, on a map and in a table', async () => {
		const { page, errors, status } = await open(`/countries/${s.country.iso2}`);
		expect(status).toBe(200);
		expect(await page.locator('h1').textContent()).toBe(s.country.name);
		expect(await page.getByTestId('country-places').locator('tbody tr').count()).toBe(s.country.places);
		const byType = await page.getByTestId('type-counts').locator('tbody td:nth-child(2)').allTextContents();
		expect(byType.reduce((a, c) => a + Number(c), 0)).toBe(s.country.n);
		expect(await mapReady(page)).toBeGreaterThan(0);
		expect(await page.getByRole('link', { name: 'See them in the explorer' }).getAttribute('href')).toBe(`/?country=${s.country.iso2}`);
		expect((await headOf(page)).canonical).toBe(`${base}/countries/${s.country.iso2}`);
		expect(errors).toEqual([]);
		await close(page);
	});

	it('sends a lower-case code to the canonical address', async () => {
		const { page, status } = await open(`/countries/${s.country.iso2.toLowerCase()}`);
		expect(status).toBe(200);
		expect(new URL(page.url()).pathname).toBe(`/countries/${s.country.iso2}`);
		await close(page);
	});
});

describe('network page', () => {
	it('shows the U.S. members on a map, with joining years', async () => {
		const { page, errors, status } = await open(`/networks/${s.network.slug}`);
		expect(status).toBe(200);
		expect(await page.locator('h1').textContent()).toBe(s.network.name);
		expect(await page.getByTestId('members').locator('tbody tr').count()).toBe(s.network.members);
		expect(await page.getByTestId('join-curve').count()).toBe(1);
		expect(await mapReady(page)).toBe(0);
		expect(errors).toEqual([]);
		await close(page);
	});
});

describe('engagement page', () => {
	it('shows the record, its sources with verification, and the rest of its group', async () => {
		const { page, errors, status } = await open(`/engagements/${s.grouped.id}`);
		expect(status).toBe(200);
		expect(await page.getByTestId('fields').textContent()).toContain(s.grouped.id);
		expect(await page.getByTestId('sources').locator('tbody tr').count()).toBe(s.grouped.sources);
		expect(await page.getByTestId('sources').locator('a[href^="http"]').count()).toBe(s.grouped.sources);
		const group = await page.getByTestId('same-group').locator('li.engagement').evaluateAll((els) => els.map((e) => e.getAttribute('data-id')));
		expect(group.sort()).toEqual(s.grouped.others);
		const cite = await page.getByTestId('record-citation').textContent();
		expect(cite).toContain(`${new URL(page.url()).origin}/engagements/${s.grouped.id}`);
		expect(cite).toMatch(/Dataset version [0-9a-f]{12}\./);
		expect(errors).toEqual([]);
		await close(page);
	});
});

describe('endings page', () => {
	it('lists every ended, suspended or dormant tie by year, newest first, with its reason, without JavaScript', async () => {
		const db = openServedDb();
		const one = <T>(q: string) => db.prepare(q).get() as T;
		const ended = "status IN ('terminated', 'suspended', 'dormant')";
		const truth = one<{ n: number; dated: number; newest: number }>(
			`SELECT count(*) n, count(end_date) dated, max(CAST(substr(end_date, 1, 4) AS INTEGER)) newest FROM engagements WHERE ${ended}`
		);
		const suspended = one<{ id: string } | undefined>(`SELECT id FROM engagements WHERE status = 'suspended' AND end_reason IS NOT NULL ORDER BY id LIMIT 1`);
		db.close();
		expect(truth.n).toBeGreaterThan(0);

		const { page, status } = await open('/endings', { js: false });
		expect(status).toBe(200);
		expect(await page.getByTestId('endings-count').textContent()).toContain(truth.n.toLocaleString('en-US'));
		expect(await page.locator('li.engagement').count()).toBe(truth.n);
		const years = await page.getByTestId('endings-year').locator('h2').allTextContents();
		expect(years[0]).toContain(String(truth.newest));
		const numbers = years.map((t) => Number(t.match(/^\d{4}/)?.[0] ?? NaN)).filter((y) => !Number.isNaN(y));
		expect(numbers).toEqual([...numbers].sort((a, b) => b - a));
		const perYear = await page.getByTestId('endings-by-year').locator('tbody td').allTextContents();
		expect(perYear.reduce((sum, t) => sum + Number(t), 0)).toBe(truth.dated);
		if (suspended) {
			const card = page.locator(`li.engagement[data-id="${suspended.id}"] .reason`);
			expect(await card.textContent()).toMatch(/^Suspended because: /);
		}
		await close(page);
		// With JavaScript on, the page is the same and logs no error.
		const live = await open('/endings');
		expect(await live.page.locator('li.engagement').count()).toBe(truth.n);
		expect(live.errors).toEqual([]);
		await close(live.page);
	});
});

describe('endings page, filtered', () => {
	it('narrows to one partner country, is linked from that country page, and names a bad filter', async () => {
		const db = openServedDb();
		const top = db
			.prepare(`SELECT partner_country iso2, count(*) n FROM engagements WHERE status IN ('terminated', 'suspended', 'dormant')
				AND partner_country IS NOT NULL GROUP BY partner_country ORDER BY n DESC, iso2 LIMIT 1`)
			.get() as { iso2: string; n: number };
		db.close();

		const { page, status } = await open(`/endings?country=${top.iso2}`, { js: false });
		expect(status).toBe(200);
		expect(await page.locator('li.engagement').count()).toBe(top.n);
		expect(await page.getByTestId('endings-filter').textContent()).toContain(`country=${top.iso2}`);
		await close(page);

		const country = await open(`/countries/${top.iso2}`, { js: false });
		expect(await country.page.getByTestId('endings-link').getAttribute('href')).toBe(`/endings?country=${top.iso2}`);
		await close(country.page);

		const bad = await fetch(`${base}/endings?colour=red`);
		expect(bad.status).toBe(400);
		expect(await bad.text()).toContain('colour');
	});
});

describe('compare page', () => {
	it('puts up to five places side by side with timelines on one scale', async () => {
		const { page, errors, status } = await open(`/compare?places=${s.cities.join(',')}`);
		expect(status).toBe(200);
		expect(await page.getByTestId('compare-table').locator('thead th').count()).toBe(s.cities.length + 1);
		const timelines = page.getByTestId('timeline');
		expect(await timelines.count()).toBe(s.cities.length);
		// One scale: every timeline has the same year ticks.
		const ticks = await timelines.evaluateAll((svgs) => svgs.map((svg) => [...svg.querySelectorAll(':scope > text')].map((t) => t.textContent).join(' ')));
		expect(new Set(ticks).size).toBe(1);
		expect(await page.getByTestId('common').count()).toBe(1);
		expect(errors).toEqual([]);
		await close(page);
	});

	it('names an unknown slug with close matches, and refuses more than five', async () => {
		const typo = s.cities[1].slice(0, -1);
		const { page, status } = await open(`/compare?places=${s.cities[0]},${typo}`);
		expect(status).toBe(404);
		expect(await page.getByTestId('error-message').textContent()).toContain(`"${typo}"`);
		const links = await page.getByTestId('suggestions').locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
		expect(links).toContain(`/compare?places=${s.cities[0]},${s.cities[1]}`);
		await close(page);
		const six = await fetch(`${base}/compare?places=a,b,c,d,e,f`);
		expect(six.status).toBe(400);
		expect(await six.text()).toContain('at most 5');
	});
});

describe('unknown addresses', () => {
	const cases = () => [
		{ path: `/countries/${s.country.name.toLowerCase().replace(/\s.*/, '')}`, want: `/countries/${s.country.iso2}` },
		{ path: `/networks/${s.network.slug.slice(0, -1)}`, want: `/networks/${s.network.slug}` },
		{ path: `/engagements/${s.grouped.id.slice(0, -1)}`, want: `/engagements/${s.grouped.id}` }
	];
	it('get a 404 that suggests the close matches', async () => {
		for (const c of cases()) {
			const { page, status } = await open(c.path);
			expect(status, c.path).toBe(404);
			const links = await page.getByTestId('suggestions').locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
			expect(links, c.path).toContain(c.want);
			await close(page);
		}
	});
});

describe('accessibility', () => {
	it('axe-core finds no serious or critical violation on any page type', { timeout: 180_000 }, async () => {
		const paths = [
			`/places/${s.city.slug}`,
			`/places/${s.state.slug}`,
			`/countries/${s.country.iso2}`,
			`/networks/${s.network.slug}`,
			`/engagements/${s.grouped.id}`,
			`/compare?places=${s.cities.join(',')}`,
			'/compare',
			'/endings',
			`/networks/${s.network.slug}x`
		];
		const found: Record<string, string[]> = {};
		for (const p of paths) {
			const { page } = await open(p);
			// Audit the drawn map too (its controls are in the page once it is ready).
			if (await page.getByTestId('partner-map').count()) await mapReady(page);
			const v = await seriousViolations(page);
			if (v.length) found[p] = v;
			await close(page);
		}
		expect(found).toEqual({});
	});
});
