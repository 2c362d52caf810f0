import { describe, it, expect } from 'vitest';
import { breaks } from './geo';
import { greatCircle as arc } from './arcs';

describe('arc', () => {
	it('starts and ends at the two points', () => {
		const a = arc([-122.33, 47.61], [135.18, 34.69]);
		expect(a[0][0]).toBeCloseTo(-122.33, 5);
		expect(a[a.length - 1][1]).toBeCloseTo(34.69, 5);
	});
	it('crosses the Pacific with continuous longitudes (no jump of 360°)', () => {
		const a = arc([-122.33, 47.61], [135.18, 34.69]);
		for (let i = 1; i < a.length; i++) expect(Math.abs(a[i][0] - a[i - 1][0])).toBeLessThan(20);
		// Seattle to Kobe goes west: the end lies beyond -180.
		expect(a[a.length - 1][0]).toBeCloseTo(135.18 - 360, 5);
	});
});

describe('breaks', () => {
	it('gives ascending distinct lower bounds starting at 1', () => {
		expect(breaks(100)).toEqual([1, 10, 25, 50, 75]);
		expect(breaks(3)).toEqual([1, 2, 3]);
		expect(breaks(0)).toEqual([]);
	});
});

describe('colourClass', () => {
	it('gives the darkest class to the maximum and none to zero', async () => {
		const { colourClass, breaks, SEQUENTIAL } = await import('./geo');
		const b = breaks(200);
		expect(colourClass(0, b)).toBe(-1);
		expect(colourClass(1, b)).toBe(SEQUENTIAL.length - b.length);
		expect(colourClass(200, b)).toBe(SEQUENTIAL.length - 1);
		expect(colourClass(99, b)).toBe(SEQUENTIAL.length - 3);
		expect(colourClass(5, breaks(1))).toBe(SEQUENTIAL.length - 1);
	});
});
