/** Launch Debian's Chromium through playwright-core with the flags that let MapLibre draw through SwiftShader. */
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--use-angle=swiftshader',
	'--enable-unsafe-swiftshader'
];

export function launch(): Promise<Browser> {
	return chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/** Collect console errors and failed requests so that a test can assert the page loaded cleanly. */
export function watchErrors(page: Page): string[] {
	const errors: string[] = [];
	page.on('console', (m) => {
		if (m.type() === 'error') errors.push(`console: ${m.text()}`);
	});
	page.on('pageerror', (e) => errors.push(`page: ${e.message}`));
	page.on('requestfailed', (r) => {
		// A navigation that supersedes a preload or an earlier navigation aborts it by design.
		if (r.failure()?.errorText !== 'net::ERR_ABORTED') errors.push(`request failed: ${r.url()} ${r.failure()?.errorText}`);
	});
	return errors;
}

/**
 * Scan a screenshot for a colour: how many pixels are close to it, and (up to `spots`) points inside solid 5 × 5
 * patches of it, one per drawn symbol. The PNG is decoded by the browser itself (drawn into a 2D canvas), so no
 * image library is needed.
 */
function scanColour(page: Page, png: Buffer, rgb: [number, number, number], tolerance: number, spots: number) {
	return page.evaluate(
		async ({ b64, rgb, tolerance, spots }) => {
			const img = new Image();
			img.src = `data:image/png;base64,${b64}`;
			await img.decode();
			const c = document.createElement('canvas');
			c.width = img.width;
			c.height = img.height;
			const ctx = c.getContext('2d')!;
			ctx.drawImage(img, 0, 0);
			const d = ctx.getImageData(0, 0, c.width, c.height).data;
			const near = (i: number) => Math.abs(d[i] - rgb[0]) + Math.abs(d[i + 1] - rgb[1]) + Math.abs(d[i + 2] - rgb[2]) <= tolerance;
			let count = 0;
			for (let i = 0; i < d.length; i += 4) if (near(i)) count++;
			const found: { x: number; y: number }[] = [];
			for (let y = 2; y < c.height - 2 && found.length < spots; y += 3) {
				for (let x = 2; x < c.width - 2 && found.length < spots; x += 3) {
					let solid = true;
					for (let dy = -2; dy <= 2 && solid; dy++) for (let dx = -2; dx <= 2 && solid; dx++) solid = near(((y + dy) * c.width + x + dx) * 4);
					// One per symbol: skip points close to one already found.
					if (solid && found.every((p) => Math.abs(p.x - x) + Math.abs(p.y - y) > 30)) found.push({ x, y });
				}
			}
			return { count, found };
		},
		{ b64: png.toString('base64'), rgb, tolerance, spots }
	);
}

/** Count the pixels of a screenshot that are close to a colour. */
export async function countColour(page: Page, png: Buffer, rgb: [number, number, number], tolerance = 40): Promise<number> {
	return (await scanColour(page, png, rgb, tolerance, 0)).count;
}

/** Points of a screenshot inside a solid patch (5 × 5) of a colour: where to hover or click a drawn symbol. */
export async function findColour(page: Page, png: Buffer, rgb: [number, number, number], tolerance = 30, max = 20): Promise<{ x: number; y: number }[]> {
	return (await scanColour(page, png, rgb, tolerance, max)).found;
}
