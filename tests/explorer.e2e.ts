/** The explorer in a real Chromium against the production build: the map draws, the list and counts render. */
import { describe, it, expect, beforeAll, afterAll, inject } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch, watchErrors, countColour } from './browser';

const base = inject('baseURL');
let browser: Browser;

beforeAll(async () => {
	browser = await launch();
});
afterAll(async () => {
	await browser?.close();
});

describe('explorer', () => {
	it('draws the basemap and the place points on the map canvas', async () => {
		const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
		const errors = watchErrors(page);
		await page.goto(`${base}/`);
		const map = page.getByTestId('atlas-map');
		await map.locator('canvas').waitFor();
		await page.waitForSelector('[data-testid="atlas-map"][data-state="ready"]', { timeout: 30_000 });
		// Give the GPU-less renderer a moment to finish the first frames after 'load'.
		await page.waitForTimeout(1000);
		const png = await map.screenshot();
		const box = (await map.boundingBox())!;
		const area = Math.round(box.width) * Math.round(box.height);
		const land = await countColour(page, png, [243, 240, 232], 12);
		const sea = await countColour(page, png, [207, 224, 236], 12);
		const cityPoints = await countColour(page, png, [213, 94, 0], 60);
		expect(land / area, 'land fill covers part of the map').toBeGreaterThan(0.1);
		expect(sea / area, 'sea covers part of the map').toBeGreaterThan(0.05);
		expect(cityPoints, 'city points are drawn').toBeGreaterThan(20);
		expect(errors).toEqual([]);
		await page.close();
	});

	it('renders the summary and the list for the URL filters on the server, in agreement with the API', async () => {
		const page = await browser.newPage();
		await page.goto(`${base}/?type=sister_relationship`);
		const stats = await (await fetch(`${base}/api/v1/stats?type=sister_relationship`)).json();
		expect(stats.total).toBeGreaterThan(0);
		await expect(page.getByTestId('summary').textContent()).resolves.toContain(`${stats.total.toLocaleString('en-US')} engagement`);
		const items = page.getByTestId('engagement-list').locator('li.engagement');
		expect(await items.count()).toBe(Math.min(50, stats.total));
		const badges = await items.locator('.head .badge').allTextContents();
		expect(new Set(badges)).toEqual(new Set(['Sister relationship']));
		await page.close();
	});

	it('a bad filter gets a 400 page naming the parameter', async () => {
		const page = await browser.newPage();
		const res = await page.goto(`${base}/?type=sister_city`);
		expect(res?.status()).toBe(400);
		await expect(page.getByTestId('error-message').textContent()).resolves.toContain('type: unknown type "sister_city"');
		await page.close();
	});
});
