/**
 * The explorer in a real Chromium against the production build: the map draws, filters change the URL, the
 * counts, the list and the map together (in agreement with /api/v1/stats), back and shared links restore the
 * view, the page works without JavaScript, and axe finds no serious or critical accessibility violation.
 */
import { describe, it, expect, beforeAll, afterAll, inject } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import { launch, watchErrors, countColour, findColour } from './browser';
import { LIST_PAGE_SIZE } from '../src/lib/explorer/view';

const base = inject('baseURL');
let browser: Browser;

beforeAll(async () => {
	browser = await launch();
});
afterAll(async () => {
	await browser?.close();
});

const stats = async (qs: string) => (await fetch(`${base}/api/v1/stats${qs ? `?${qs}` : ''}`)).json();
const summary = (page: Page) => page.getByTestId('summary').textContent();
const mapReady = (page: Page) => page.waitForSelector('[data-testid="atlas-map"][data-state="ready"]', { timeout: 30_000 });

describe('explorer', () => {
	it('draws the basemap, the shaded states and the place points on the map canvas', async () => {
		const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
		const errors = watchErrors(page);
		await page.goto(`${base}/`);
		const map = page.getByTestId('atlas-map');
		await mapReady(page);
		const png = await map.screenshot();
		const box = (await map.boundingBox())!;
		const area = Math.round(box.width) * Math.round(box.height);
		const land = await countColour(page, png, [243, 240, 232], 12);
		const sea = await countColour(page, png, [207, 224, 236], 12);
		const cityPoints = await countColour(page, png, [213, 94, 0], 60);
		const darkestStates = await countColour(page, png, [8, 81, 156], 40);
		expect(land / area, 'land fill covers part of the map').toBeGreaterThan(0.05);
		expect(sea / area, 'sea covers part of the map').toBeGreaterThan(0.05);
		expect(cityPoints, 'city points are drawn').toBeGreaterThan(200);
		expect(darkestStates, 'the busiest state is shaded').toBeGreaterThan(100);
		expect(errors).toEqual([]);
		await page.close();
	});

	it('names a point or cluster on hover, and selecting a place point opens its panel', async () => {
		const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
		const errors = watchErrors(page);
		await page.goto(`${base}/`);
		await mapReady(page);
		const map = page.getByTestId('atlas-map');
		const box = (await map.boundingBox())!;
		const spots = await findColour(page, await map.screenshot(), [213, 94, 0], 60);
		expect(spots.length).toBeGreaterThan(5);
		let selected = false;
		let named = 0;
		for (const s of spots) {
			await page.mouse.move(box.x + s.x, box.y + s.y);
			const tip = page.locator('.maplibregl-popup-content');
			if (!(await tip.isVisible().catch(() => false))) continue;
			const text = (await tip.textContent()) ?? '';
			expect(text).toMatch(/\d[\d,]* engagements?/);
			named++;
			if (/places:/.test(text)) continue; // a cluster: a click would zoom in
			await page.mouse.click(box.x + s.x, box.y + s.y);
			await page.waitForURL(/[?&]place=/);
			const slug = new URL(page.url()).searchParams.get('place')!;
			await expect.poll(() => page.getByTestId('selection').locator('h2').textContent()).toBe(text.split(':')[0]);
			expect(slug).toMatch(/^[a-z0-9-]+$/);
			selected = true;
			break;
		}
		expect(named, 'hovering drawn points shows their tooltips').toBeGreaterThan(0);
		expect(selected, 'a place point was clicked and selected').toBe(true);
		expect(errors).toEqual([]);
		await page.close();
	});

	it('a filter changes the URL, the counts, the list and the map together, and back restores them', async () => {
		const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
		const errors = watchErrors(page);
		await page.goto(`${base}/`);
		await mapReady(page);
		const all = await stats('');
		const office = await stats('type=office_abroad');
		expect(office.total).toBeGreaterThan(0);
		expect(office.total).toBeLessThan(all.total);

		await page.getByRole('checkbox', { name: /^Office abroad/ }).check();
		await page.waitForURL(/\?type=office_abroad$/);
		await expect.poll(() => summary(page)).toContain(`${office.total.toLocaleString('en-US')} engagement`);
		const badges = await page.getByTestId('engagement-list').locator('li.engagement .head .badge').allTextContents();
		expect(badges.length).toBe(Math.min(LIST_PAGE_SIZE, office.total));
		expect(new Set(badges)).toEqual(new Set(['Office abroad']));
		await expect.poll(() => page.getByTestId('atlas-map').getAttribute('data-points')).toBe(String(office.places));
		const stateRows = await page.getByTestId('state-table').locator('tbody tr td:last-child').allTextContents();
		expect(stateRows.map(Number).reduce((a, b) => a + b, 0)).toBe(office.total);

		await page.goBack();
		await page.waitForURL(`${base}/`);
		await expect.poll(() => summary(page)).toContain(`${all.total.toLocaleString('en-US')} engagement`);
		await expect.poll(() => page.getByTestId('atlas-map').getAttribute('data-points')).toBe(String(all.places));
		expect(await page.getByRole('checkbox', { name: /^Office abroad/ }).isChecked()).toBe(false);
		expect(errors).toEqual([]);
		await page.close();
	});

	it('keeps the form in step with the URL on back and forward, lists included', async () => {
		const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
		await page.goto(`${base}/`);
		await mapReady(page);
		await page.locator('#state').selectOption('WA');
		await page.waitForURL(/\?state=WA$/);
		await page.goBack();
		await page.waitForURL(`${base}/`);
		await expect.poll(() => page.locator('#state option[value="WA"]').evaluate((o) => (o as HTMLOptionElement).selected)).toBe(false);
		// The next change must not bring the old selection back.
		await page.getByRole('checkbox', { name: /^Office abroad/ }).check();
		await page.waitForURL(/\?type=office_abroad$/);
		await page.goBack();
		await page.goForward();
		await page.waitForURL(/\?type=office_abroad$/);
		expect(await page.getByRole('checkbox', { name: /^Office abroad/ }).isChecked()).toBe(true);
		await page.close();
	});

	it('applies a box ticked before the page finished loading its JavaScript', async () => {
		const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
		// Hold the app's scripts back, as a slow connection would, so the form is clicked before hydration.
		let release!: () => void;
		const held = new Promise<void>((r) => (release = r));
		await page.route('**/_app/immutable/**/*.js', async (route) => {
			await held;
			await route.continue();
		});
		await page.goto(`${base}/`, { waitUntil: 'domcontentloaded' });
		await page.getByRole('checkbox', { name: /^Office abroad/ }).check();
		release();
		await page.waitForURL(/\?type=office_abroad$/, { timeout: 20_000 });
		const office = await stats('type=office_abroad');
		await expect.poll(() => summary(page)).toContain(`${office.total.toLocaleString('en-US')} engagement`);
		expect(await page.getByRole('checkbox', { name: /^Office abroad/ }).isChecked()).toBe(true);
		await page.close();
	});

	it('clicking a chart bar filters by it', async () => {
		const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
		await page.goto(`${base}/`);
		const first = page.getByTestId('chart-countries').locator('a').first();
		const label = (await first.locator('.label').textContent())!;
		await first.click();
		await page.waitForURL(/country=[A-Z]{2}/);
		const iso = new URL(page.url()).searchParams.get('country')!;
		const s = await stats(`country=${iso}`);
		await expect.poll(() => summary(page)).toContain(`${s.total.toLocaleString('en-US')} engagement`);
		expect(s.byCountry[0].name).toBe(label);
		await page.close();
	});

	it('a shared URL reproduces filters, view and selection', async () => {
		const all = await (await fetch(`${base}/api/v1/places`)).json();
		const city = all.data.filter((p: { kind: string }) => p.kind === 'city').sort((a: { n: number }, b: { n: number }) => b.n - a.n)[0];
		const qs = `type=sister_relationship&view=world&place=${city.slug}`;
		const s = await stats('type=sister_relationship');
		const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
		await page.goto(`${base}/?${qs}`);
		await mapReady(page);
		expect(await page.getByRole('checkbox', { name: /^Sister relationship/ }).isChecked()).toBe(true);
		await expect(summary(page)).resolves.toContain(`${s.total.toLocaleString('en-US')} engagement`);
		await expect(page.getByRole('link', { name: 'World', exact: true }).getAttribute('aria-current')).resolves.toBe('true');
		await expect(page.getByTestId('selection').locator('h2').textContent()).resolves.toBe(city.label);
		await page.close();
	});

	it('works as a plain form without JavaScript', async () => {
		const ctx = await browser.newContext({ javaScriptEnabled: false });
		const page = await ctx.newPage();
		await page.goto(`${base}/`);
		const all = await stats('');
		await expect(summary(page)).resolves.toContain(`${all.total.toLocaleString('en-US')} engagement`);
		expect(await page.getByTestId('engagement-list').locator('li.engagement').count()).toBe(LIST_PAGE_SIZE);
		await page.getByRole('checkbox', { name: /^Legislative action/ }).check();
		await page.getByRole('checkbox', { name: /^Economy and trade/ }).check();
		await page.getByRole('button', { name: 'Apply filters' }).click();
		await page.waitForURL(/type=legislative_action/);
		const url = new URL(page.url());
		expect(url.searchParams.get('issue')).toBe('economy_trade');
		const s = await stats('type=legislative_action&issue=economy_trade');
		await expect(summary(page)).resolves.toContain(`${s.total.toLocaleString('en-US')} engagement`);
		await ctx.close();
	});

	it('renders the list for the URL filters on the server, in agreement with the API', async () => {
		const page = await browser.newPage();
		await page.goto(`${base}/?type=sister_relationship`);
		const s = await stats('type=sister_relationship');
		await expect(summary(page)).resolves.toContain(`${s.total.toLocaleString('en-US')} engagement`);
		const items = page.getByTestId('engagement-list').locator('li.engagement');
		expect(await items.count()).toBe(Math.min(LIST_PAGE_SIZE, s.total));
		await page.close();
	});

	it('a bad filter gets a 400 page naming the parameter', async () => {
		const page = await browser.newPage();
		const res = await page.goto(`${base}/?type=sister_city`);
		expect(res?.status()).toBe(400);
		await expect(page.getByTestId('error-message').textContent()).resolves.toContain('type: unknown type "sister_city"');
		const view = await page.goto(`${base}/?view=mars`);
		expect(view?.status()).toBe(400);
		await page.close();
	});

	it('has no serious or critical accessibility violations, at desktop and phone widths', async () => {
		for (const viewport of [{ width: 1280, height: 900 }, { width: 375, height: 800 }]) {
			const ctx = await browser.newContext({ viewport });
			const page = await ctx.newPage();
			await page.goto(`${base}/?type=sister_relationship&place=wa-seattle`);
			await mapReady(page);
			const result = await new AxeBuilder({ page }).analyze();
			const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
			expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
			const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
			expect(overflow, 'no horizontal scrolling').toBeLessThanOrEqual(0);
			await ctx.close();
		}
	});
});
