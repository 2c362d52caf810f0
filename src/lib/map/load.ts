/**
 * What every map of the atlas shares: MapLibre with its worker and stylesheet, the offline basemap, the basemap's
 * bottom layers and the colours of place kinds. Everything heavy is imported on call, after mount, so importing
 * this module costs the first page load nothing.
 */
import type { Basemap } from './basemap';

export async function loadMapLibre(): Promise<{ ml: typeof import('maplibre-gl'); base: Basemap }> {
	const [ml, worker, { loadBasemap }] = await Promise.all([
		import('maplibre-gl'),
		import('maplibre-gl/dist/maplibre-gl-worker.mjs?url'),
		import('./basemap'),
		import('maplibre-gl/dist/maplibre-gl.css')
	]);
	// Vite does not copy MapLibre's worker by itself: point MapLibre at the emitted file.
	ml.setWorkerUrl(worker.default);
	return { ml, base: await loadBasemap() };
}

/** Sea, land and country borders, over a source named `countries`. */
export const BASE_LAYERS = [
	{ id: 'sea', type: 'background', paint: { 'background-color': '#cfe0ec' } },
	{ id: 'land', type: 'fill', source: 'countries', paint: { 'fill-color': '#f3f0e8' } },
	{ id: 'borders', type: 'line', source: 'countries', paint: { 'line-color': '#a9a49a', 'line-width': 0.6 } }
] as const;

/** Okabe–Ito colours of the place kinds, as a MapLibre expression on the feature's `kind`. */
export const KIND_COLOUR = ['match', ['get', 'kind'], 'state', '#0072b2', 'county', '#009e73', '#d55e00'];
