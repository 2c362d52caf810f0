/**
 * Clusters computed once per point set, so that a filter change never re-clusters.
 *
 * MapLibre's own clustering runs in its worker and needs new GeoJSON (setData) for every new set of counts: a
 * round trip of 35–45 ms here before the map can draw. Instead, the points are grouped once per zoom level
 * (greedy, like supercluster: the busiest point seeds a cluster and takes every free point within the radius),
 * and a filter only changes feature state: each cluster's matching count and how many of its members match.
 * A cluster with one matching member shows that member at its own position; the cluster marker stays at the
 * centroid of all its members, which is within one radius of each of them.
 */

/** Clusters exist for camera zooms below this; from it on every point stands alone (MapLibre's clusterMaxZoom + 1). */
export const CLUSTER_LEVELS = 5;
/** Cluster radius in screen pixels at the level's zoom. */
export const CLUSTER_RADIUS = 18;
const TILE = 512;

export interface StaticPoint {
	lon: number;
	lat: number;
	/** How busy the point is over the whole dataset: busier points seed clusters. */
	weight: number;
}

export interface Cluster {
	level: number;
	lon: number;
	lat: number;
	members: number[];
}

export interface ClusterSet {
	/** clusterOf[level][point]: the cluster index holding the point at that level, or -1 when it stands alone. */
	clusterOf: Int32Array[];
	clusters: Cluster[];
}

const toX = (lon: number) => (lon + 180) / 360;
const toY = (lat: number) => {
	const s = Math.sin((Math.max(-85, Math.min(85, lat)) * Math.PI) / 180);
	return 0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI);
};
const toLon = (x: number) => x * 360 - 180;
const toLat = (y: number) => (Math.atan(Math.sinh(Math.PI * (1 - 2 * y))) * 180) / Math.PI;

export function buildClusters(points: StaticPoint[], levels = CLUSTER_LEVELS, radius = CLUSTER_RADIUS): ClusterSet {
	const xs = points.map((p) => toX(p.lon));
	const ys = points.map((p) => toY(p.lat));
	// Seeds in order of weight, then input order: the same input always gives the same clusters.
	const order = points.map((_, i) => i).sort((a, b) => points[b].weight - points[a].weight || a - b);
	const clusters: Cluster[] = [];
	const clusterOf: Int32Array[] = [];
	for (let level = 0; level < levels; level++) {
		const r = radius / (TILE * 2 ** level); // the radius in world units (the world is 1 × 1)
		const cell = (v: number) => Math.floor(v / r);
		const grid = new Map<string, number[]>();
		points.forEach((_, i) => {
			const k = `${cell(xs[i])},${cell(ys[i])}`;
			const list = grid.get(k);
			if (list) list.push(i);
			else grid.set(k, [i]);
		});
		const of = new Int32Array(points.length).fill(-1);
		const taken = new Uint8Array(points.length);
		for (const seed of order) {
			if (taken[seed]) continue;
			taken[seed] = 1;
			const members = [seed];
			const cx = cell(xs[seed]);
			const cy = cell(ys[seed]);
			for (let dx = -1; dx <= 1; dx++) {
				for (let dy = -1; dy <= 1; dy++) {
					for (const j of grid.get(`${cx + dx},${cy + dy}`) ?? []) {
						if (taken[j] || (xs[j] - xs[seed]) ** 2 + (ys[j] - ys[seed]) ** 2 > r * r) continue;
						taken[j] = 1;
						members.push(j);
					}
				}
			}
			if (members.length < 2) continue;
			let wx = 0;
			let wy = 0;
			let w = 0;
			for (const j of members) {
				const weight = Math.max(1, points[j].weight);
				wx += xs[j] * weight;
				wy += ys[j] * weight;
				w += weight;
			}
			for (const j of members) of[j] = clusters.length;
			clusters.push({ level, lon: toLon(wx / w), lat: toLat(wy / w), members });
		}
		clusterOf.push(of);
	}
	return { clusterOf, clusters };
}

export interface ClusterCounts {
	/** Per cluster: matching engagements summed over members, and how many members match. */
	clusterN: Int32Array;
	clusterCount: Int32Array;
	/**
	 * Per point: bit `level` set when the point is drawn on its own at that level (it matches, and no matching
	 * neighbour shares its cluster); the bit after the last level is set for every matching point.
	 */
	alone: Int32Array;
}

/** Turn a filter's counts per point into what the map shows at each level. */
export function countClusters(set: ClusterSet, counts: ArrayLike<number>): ClusterCounts {
	const clusterN = new Int32Array(set.clusters.length);
	const clusterCount = new Int32Array(set.clusters.length);
	set.clusters.forEach((c, k) => {
		for (const j of c.members) {
			if (!counts[j]) continue;
			clusterN[k] += counts[j];
			clusterCount[k]++;
		}
	});
	const alone = new Int32Array(counts.length);
	for (let i = 0; i < counts.length; i++) {
		if (!counts[i]) continue;
		// Past the last level every matching point stands alone.
		let bits = 1 << set.clusterOf.length;
		set.clusterOf.forEach((of, level) => {
			if (of[i] < 0 || clusterCount[of[i]] < 2) bits |= 1 << level;
		});
		alone[i] = bits;
	}
	return { clusterN, clusterCount, alone };
}

/** Counts sent by the server as flat [index, n, index, n, …] pairs, spread over the static point list. */
export function spreadCounts(pairs: readonly number[], length: number): Int32Array {
	const out = new Int32Array(length);
	for (let i = 0; i + 1 < pairs.length; i += 2) if (pairs[i] >= 0 && pairs[i] < length) out[pairs[i]] = pairs[i + 1];
	return out;
}
