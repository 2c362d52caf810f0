import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { buildClusters, countClusters, spreadCounts, CLUSTER_LEVELS } from './clusters';

// Two places 0.1° apart (one cluster until zoom 4 or so), one far away.
const pts = [
	{ lon: -122.33, lat: 47.61, weight: 40 },
	{ lon: -122.2, lat: 47.61, weight: 5 },
	{ lon: -74.0, lat: 40.7, weight: 30 }
];

describe('buildClusters', () => {
	it('groups near points at low zoom and separates them at high zoom', () => {
		const set = buildClusters(pts);
		expect(set.clusterOf).toHaveLength(CLUSTER_LEVELS);
		const c0 = set.clusterOf[0][0];
		expect(c0).toBeGreaterThanOrEqual(0);
		expect(set.clusterOf[0][1]).toBe(c0);
		expect(set.clusterOf[0][2]).toBe(-1);
		expect(set.clusters[c0].members.sort()).toEqual([0, 1]);
		// The weighted centroid sits near the busier member.
		expect(set.clusters[c0].lon).toBeLessThan(-122.3);
		expect(set.clusters[c0].lat).toBeCloseTo(47.61, 2);
		// 0.13° of longitude is 3 px at zoom 4 (512 px tiles) and 0.2 px at zoom 0: a 2 px radius splits them at 4 only.
		const small = buildClusters(pts, 5, 2);
		expect(small.clusterOf[0][0]).toBe(small.clusterOf[0][1]);
		expect(small.clusterOf[4][0]).toBe(-1);
	});

	it('keeps every member within the radius of its cluster seed', () => {
		fc.assert(
			fc.property(fc.array(fc.record({ lon: fc.double({ min: -170, max: 170, noNaN: true }), lat: fc.double({ min: -60, max: 70, noNaN: true }), weight: fc.nat(50) }), { maxLength: 80 }), (ps) => {
				const set = buildClusters(ps);
				for (const c of set.clusters) {
					expect(c.members.length).toBeGreaterThan(1);
					for (const m of c.members) expect(set.clusterOf[c.level][m]).toBe(set.clusters.indexOf(c));
					const size = 512 * 2 ** c.level;
					const px = (lon: number) => ((lon + 180) / 360) * size;
					for (const m of c.members) expect(Math.abs(px(ps[m].lon) - px(ps[c.members[0]].lon))).toBeLessThanOrEqual(18 + 1e-6);
				}
			})
		);
	});
});

describe('countClusters', () => {
	const set = buildClusters(pts);
	const c0 = set.clusterOf[0][0];

	it('sums matching members and shows the cluster when two or more match', () => {
		const c = countClusters(set, [3, 2, 7]);
		expect(c.clusterN[c0]).toBe(5);
		expect(c.clusterCount[c0]).toBe(2);
		expect(c.alone[0] & 1).toBe(0); // inside a shown cluster at level 0
		expect(c.alone[2] & 1).toBe(1); // stands alone
		expect(c.alone[0] & (1 << CLUSTER_LEVELS)).toBeTruthy(); // alone past the last level
	});

	it('shows the one matching member of a cluster at its own position', () => {
		const c = countClusters(set, [0, 2, 0]);
		expect(c.clusterCount[c0]).toBe(1);
		expect(c.alone[1] & 1).toBe(1);
		expect(c.alone[0]).toBe(0);
		expect(c.alone[2]).toBe(0);
	});
});

describe('spreadCounts', () => {
	it('spreads [index, n] pairs and ignores indexes outside the list', () => {
		expect([...spreadCounts([0, 4, 2, 9, 7, 1], 3)]).toEqual([4, 0, 9]);
	});
});
