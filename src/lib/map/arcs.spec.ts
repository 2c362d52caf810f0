import { describe, it, expect } from 'vitest';
import { greatCircle, unwrapLongitudes, boundsOf } from './arcs';

describe('great-circle arcs', () => {
	it('cross the Pacific without jumping at the antimeridian', () => {
		const seattle: [number, number] = [-122.33, 47.61];
		const tokyo: [number, number] = [139.69, 35.69];
		const arc = greatCircle(seattle, tokyo);
		expect(arc[0]).toEqual(seattle);
		for (let i = 1; i < arc.length; i++) expect(Math.abs(arc[i][0] - arc[i - 1][0])).toBeLessThan(20);
		// Ends at Tokyo one turn west, and bows north towards the Aleutians as a great circle does.
		expect(arc[arc.length - 1][0]).toBeCloseTo(139.69 - 360, 6);
		expect(arc[arc.length - 1][1]).toBeCloseTo(35.69, 6);
		expect(Math.max(...arc.map((p) => p[1]))).toBeGreaterThan(50);
	});

	it('leave an arc that does not cross the antimeridian as it is', () => {
		const arc = greatCircle([-87.6, 41.9], [2.35, 48.86], 10);
		expect(arc[arc.length - 1][0]).toBeCloseTo(2.35, 6);
		expect(arc.every(([lon]) => lon >= -180 && lon <= 180)).toBe(true);
	});

	it('unwrap a line that crosses eastwards too', () => {
		expect(unwrapLongitudes([[170, 0], [-175, 0], [-160, 0]])).toEqual([[170, 0], [185, 0], [200, 0]]);
	});

	it('box the points', () => {
		expect(boundsOf([[-120, 40], [-220, 35], [-100, 50]])).toEqual([[-220, 35], [-100, 50]]);
		expect(boundsOf([])).toBeNull();
	});
});
