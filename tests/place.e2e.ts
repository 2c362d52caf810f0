/** Place pages in Chromium: a place lists exactly its engagements, each with a source link. */
import { describe, it, expect, beforeAll, afterAll, inject } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch, watchErrors } from './browser';

const base = inject('baseURL');
let browser: Browser;

beforeAll(async () => {
	browser = await launch();
});
afterAll(async () => {
	await browser?.close();
});

interface ApiPlace {
	slug: string;
	label: string;
	kind: string;
	n: number;
}

describe('place page', () => {
	it('lists every engagement of a city and of a state, each with its source', async () => {
		const places: ApiPlace[] = (await (await fetch(`${base}/api/v1/places`)).json()).data;
		const city = places.filter((p) => p.kind === 'city').sort((a, b) => b.n - a.n)[0];
		const state = places.filter((p) => p.kind === 'state').sort((a, b) => b.n - a.n)[0];
		for (const place of [city, state]) {
			const page = await browser.newPage();
			const errors = watchErrors(page);
			const res = await page.goto(`${base}/places/${place.slug}`);
			expect(res?.status()).toBe(200);
			await expect(page.locator('h1').textContent()).resolves.toBe(place.label);
			const items = page.locator('li.engagement');
			expect(await items.count()).toBe(place.n);
			const withSource = await items.evaluateAll((els) => els.filter((el) => el.querySelector('.sources a[href^="http"]')).length);
			expect(withSource).toBe(place.n);
			expect(errors).toEqual([]);
			await page.close();
		}
	});

	it('an unknown slug gets a 404 with close matches', async () => {
		const places: ApiPlace[] = (await (await fetch(`${base}/api/v1/places`)).json()).data;
		const target = places.find((p) => p.kind === 'city')!;
		const typo = target.slug.slice(0, -1);
		const page = await browser.newPage();
		const res = await page.goto(`${base}/places/${typo}`);
		expect(res?.status()).toBe(404);
		const links = await page.getByTestId('suggestions').locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
		expect(links).toContain(`/places/${target.slug}`);
		await page.close();
	});
});
