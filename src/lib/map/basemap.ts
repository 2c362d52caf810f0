/**
 * The offline basemap: Natural Earth countries (world-atlas, 110m) and Census states (us-atlas, 10m), shipped as
 * TopoJSON assets of this app and turned into GeoJSON in the browser. No tile server, no network beyond our origin.
 */
import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { FeatureCollection, Geometry, Position } from 'geojson';
import { unwrapLongitudes, type LonLat } from './arcs';
import countriesUrl from 'world-atlas/countries-110m.json?url';
import statesUrl from 'us-atlas/states-10m.json?url';

/**
 * Natural Earth rings that cross the antimeridian jump from +180 to -180; in Web Mercator that draws a stripe
 * across the world. Unwrapping each ring (keeping longitudes continuous, beyond ±180 if need be) removes it.
 */
const unwrapRing = (ring: Position[]): Position[] => unwrapLongitudes(ring as LonLat[]);

export function unwrapGeometry(g: Geometry): Geometry {
	if (g.type === 'Polygon') return { ...g, coordinates: g.coordinates.map(unwrapRing) };
	if (g.type === 'MultiPolygon') return { ...g, coordinates: g.coordinates.map((p) => p.map(unwrapRing)) };
	return g;
}

async function topo(url: string): Promise<Topology> {
	const res = await fetch(url);
	if (!res.ok) throw new Error(`basemap ${url}: HTTP ${res.status}`);
	return res.json();
}

export interface Basemap {
	countries: FeatureCollection;
	states: FeatureCollection;
}

export async function loadBasemap(): Promise<Basemap> {
	const [w, us] = await Promise.all([topo(countriesUrl), topo(statesUrl)]);
	const countries = feature(w, w.objects.countries as GeometryCollection) as FeatureCollection;
	// Antarctica (010) is a ring around the pole: unwrapping cannot fix it, and no engagement is there.
	countries.features = countries.features
		.filter((f) => f.id !== '010')
		.map((f) => ({ ...f, geometry: unwrapGeometry(f.geometry) }));
	const states = feature(us, us.objects.states as GeometryCollection) as FeatureCollection;
	states.features = states.features.map((f) => ({ ...f, geometry: unwrapGeometry(f.geometry) }));
	return { countries, states };
}
