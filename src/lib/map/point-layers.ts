/**
 * A fixed set of map points (places or partners) with precomputed clusters, drawn by MapLibre and updated by
 * feature state only. The GeoJSON goes to MapLibre once per dataset version; a filter change then sets the count
 * and visibility of the points and clusters whose values changed, and the next frame shows them, with no worker
 * round trip. See clusters.ts for how the clusters are made.
 */
import type { FeatureCollection } from 'geojson';
import type { Map as MlMap, GeoJSONSource, LayerSpecification } from 'maplibre-gl';
import { buildClusters, countClusters, spreadCounts, CLUSTER_LEVELS, type ClusterSet } from './clusters';
import type { MapPointSet } from './types';

export interface PointStyle {
	fill: unknown;
	stroke: string;
	clusterFill: string;
	clusterStroke: string;
}

const n = ['coalesce', ['feature-state', 'n'], 0];
const RADIUS = ['interpolate', ['linear'], ['sqrt', n], 1, 3.5, 10, 13, 40, 24];
/** Bit `level` of the point's `alone` state: it is drawn on its own at that level. */
const aloneAt = (level: number) => ['==', ['%', ['floor', ['/', ['coalesce', ['feature-state', 'alone'], 0], 2 ** level]], 2], 1];
const clusterShown = ['>=', ['coalesce', ['feature-state', 'count'], 0], 2];

export class PointLayers {
	readonly pointLayers: string[] = [];
	readonly clusterLayers: string[] = [];
	private set: MapPointSet | null = null;
	private clusters: ClusterSet = { clusterOf: [], clusters: [] };
	/** What the map was last given, so a change touches only what differs. */
	private shownN: Int32Array = new Int32Array(0);
	private shownAlone: Int32Array = new Int32Array(0);
	private shownClusterN: Int32Array = new Int32Array(0);
	private shownClusterCount: Int32Array = new Int32Array(0);
	/** The current counts, for tooltips. */
	counts: Int32Array = new Int32Array(0);
	clusterN: Int32Array = new Int32Array(0);
	clusterCount: Int32Array = new Int32Array(0);

	constructor(
		private readonly prefix: string,
		private readonly style: PointStyle
	) {
		for (let level = 0; level <= CLUSTER_LEVELS; level++) {
			this.pointLayers.push(`${prefix}-points-${level}`);
			if (level < CLUSTER_LEVELS) this.clusterLayers.push(`${prefix}-clusters-${level}`);
		}
	}

	get version(): string | null {
		return this.set?.version ?? null;
	}
	point(i: number): { slug: string; name: string; n: number } | null {
		const p = this.set?.points[i];
		return p ? { slug: p[0], name: p[1], n: this.counts[i] ?? 0 } : null;
	}

	sources(): Record<string, { type: 'geojson'; data: FeatureCollection }> {
		const empty: FeatureCollection = { type: 'FeatureCollection', features: [] };
		return { [`${this.prefix}-points`]: { type: 'geojson', data: empty }, [`${this.prefix}-clusters`]: { type: 'geojson', data: empty } };
	}

	layers(visible: boolean): LayerSpecification[] {
		const layout = { visibility: visible ? 'visible' : 'none' } as const;
		const out: LayerSpecification[] = [];
		for (let level = 0; level <= CLUSTER_LEVELS; level++) {
			const zoom = { minzoom: level, ...(level < CLUSTER_LEVELS ? { maxzoom: level + 1 } : {}) };
			if (level < CLUSTER_LEVELS) {
				out.push({
					id: `${this.prefix}-clusters-${level}`,
					type: 'circle',
					source: `${this.prefix}-clusters`,
					filter: ['==', ['get', 'level'], level],
					...zoom,
					layout,
					paint: {
						'circle-color': this.style.clusterFill,
						'circle-radius': ['case', clusterShown, RADIUS, 0],
						'circle-stroke-color': this.style.clusterStroke,
						'circle-stroke-width': ['case', clusterShown, 2, 0],
						'circle-opacity': 0.85
					}
				} as unknown as LayerSpecification);
			}
			out.push({
				id: `${this.prefix}-points-${level}`,
				type: 'circle',
				source: `${this.prefix}-points`,
				...zoom,
				layout,
				paint: {
					'circle-color': this.style.fill,
					'circle-radius': ['case', aloneAt(level), RADIUS, 0],
					'circle-stroke-color': this.style.stroke,
					'circle-stroke-width': ['case', aloneAt(level), 1, 0],
					'circle-opacity': 0.9
				}
			} as unknown as LayerSpecification);
		}
		return out;
	}

	setVisible(map: MlMap, visible: boolean) {
		for (const id of [...this.pointLayers, ...this.clusterLayers]) map.setLayoutProperty(id, 'visibility', visible ? 'visible' : 'none');
	}

	/** Give MapLibre a new fixed list (once per dataset version) and cluster it. */
	load(map: MlMap, set: MapPointSet) {
		this.set = set;
		this.clusters = buildClusters(set.points.map((p) => ({ lon: p[4], lat: p[3], weight: p[5] })));
		const points: FeatureCollection = {
			type: 'FeatureCollection',
			features: set.points.map((p, i) => ({ type: 'Feature', id: i, geometry: { type: 'Point', coordinates: [p[4], p[3]] }, properties: { i, slug: p[0], name: p[1], kind: p[2] } }))
		};
		const clusters: FeatureCollection = {
			type: 'FeatureCollection',
			features: this.clusters.clusters.map((c, k) => ({ type: 'Feature', id: k, geometry: { type: 'Point', coordinates: [c.lon, c.lat] }, properties: { k, level: c.level } }))
		};
		(map.getSource(`${this.prefix}-points`) as GeoJSONSource).setData(points);
		(map.getSource(`${this.prefix}-clusters`) as GeoJSONSource).setData(clusters);
		this.shownN = new Int32Array(set.points.length);
		this.shownAlone = new Int32Array(set.points.length);
		this.shownClusterN = new Int32Array(this.clusters.clusters.length);
		this.shownClusterCount = new Int32Array(this.clusters.clusters.length);
	}

	/** Show a filter's counts ([index, n, …] pairs over the fixed list): feature state for what changed. */
	apply(map: MlMap, pairs: readonly number[]) {
		if (!this.set) return;
		const counts = spreadCounts(pairs, this.set.points.length);
		const c = countClusters(this.clusters, counts);
		const points = `${this.prefix}-points`;
		const clusters = `${this.prefix}-clusters`;
		for (let i = 0; i < counts.length; i++) {
			if (counts[i] === this.shownN[i] && c.alone[i] === this.shownAlone[i]) continue;
			map.setFeatureState({ source: points, id: i }, { n: counts[i], alone: c.alone[i] });
			this.shownN[i] = counts[i];
			this.shownAlone[i] = c.alone[i];
		}
		for (let k = 0; k < c.clusterN.length; k++) {
			if (c.clusterN[k] === this.shownClusterN[k] && c.clusterCount[k] === this.shownClusterCount[k]) continue;
			map.setFeatureState({ source: clusters, id: k }, { n: c.clusterN[k], count: c.clusterCount[k] });
			this.shownClusterN[k] = c.clusterN[k];
			this.shownClusterCount[k] = c.clusterCount[k];
		}
		this.counts = counts;
		this.clusterN = c.clusterN;
		this.clusterCount = c.clusterCount;
	}
}
