/**
 * Engagements as GeoJSON features (RFC 7946). The geometry is the U.S. place, the partner, or the great-circle
 * arc between them; an arc that crosses the antimeridian is cut there into a MultiLineString, as RFC 7946 asks.
 * A partner without a point (most networks) gets a null geometry rather than a made-up one.
 */
import { geoInterpolate } from 'd3-geo';
import type { Geometry, Position } from 'geojson';
import type { ApiEngagement } from '../queries/export';

export const GEOMETRIES = ['place', 'partner', 'line'] as const;
export type GeometryKind = (typeof GEOMETRIES)[number];

const ARC_STEPS = 32;
const round6 = (n: number) => Math.round(n * 1e6) / 1e6;

/** The great-circle arc from a to b ([lon, lat]), cut at the antimeridian. */
export function arc(a: [number, number], b: [number, number]): Geometry {
	const at = geoInterpolate(a, b);
	const pts: Position[] = [];
	for (let i = 0; i <= ARC_STEPS; i++) {
		const [lon, lat] = at(i / ARC_STEPS);
		pts.push([round6(lon), round6(lat)]);
	}
	const parts: Position[][] = [[pts[0]]];
	for (let i = 1; i < pts.length; i++) {
		const [lon0, lat0] = pts[i - 1];
		const [lon1, lat1] = pts[i];
		if (Math.abs(lon1 - lon0) > 180) {
			// Crossing: find where the segment meets ±180 in continuous longitude and start a new part there.
			const edge = lon0 > 0 ? 180 : -180;
			const lon1c = lon1 + (lon0 > 0 ? 360 : -360);
			const t = (edge - lon0) / (lon1c - lon0);
			const latX = round6(lat0 + t * (lat1 - lat0));
			parts[parts.length - 1].push([edge, latX]);
			parts.push([[-edge, latX]]);
		}
		parts[parts.length - 1].push(pts[i]);
	}
	return parts.length === 1 ? { type: 'LineString', coordinates: parts[0] } : { type: 'MultiLineString', coordinates: parts };
}

export function geometryOf(x: ApiEngagement, kind: GeometryKind): Geometry | null {
	const place: [number, number] = [x.lead_place.lon, x.lead_place.lat];
	const p = x.partner;
	const partner: [number, number] | null = p.lat === null || p.lon === null ? null : [p.lon, p.lat];
	if (kind === 'place') return { type: 'Point', coordinates: place };
	if (!partner) return null;
	if (kind === 'partner') return { type: 'Point', coordinates: partner };
	return arc(place, partner);
}

/** One feature; its properties are the whole JSON record of the engagement. */
export function feature(x: ApiEngagement, kind: GeometryKind) {
	return { type: 'Feature' as const, id: x.id, geometry: geometryOf(x, kind), properties: x };
}
