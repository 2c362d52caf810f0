/**
 * Great-circle arcs for the partner map. d3-geo interpolates along the great circle; the longitudes are then
 * unwrapped (kept continuous, beyond ±180 if need be) so that an arc from Seattle to Tokyo crosses the Pacific as
 * one line instead of jumping across the whole map at the antimeridian.
 */
import { geoInterpolate } from 'd3-geo';

export type LonLat = [number, number];

/** Shift each longitude by whole turns so that it is within 180° of the one before it. */
export function unwrapLongitudes(line: LonLat[]): LonLat[] {
	const out: LonLat[] = [];
	for (const [lon, lat] of line) {
		if (!out.length) {
			out.push([lon, lat]);
			continue;
		}
		const prev = out[out.length - 1][0];
		let l = lon;
		while (l - prev > 180) l -= 360;
		while (prev - l > 180) l += 360;
		out.push([l, lat]);
	}
	return out;
}

/** Points along the great circle from `a` to `b`, unwrapped; the first point keeps `a`'s longitude. */
export function greatCircle(a: LonLat, b: LonLat, segments = 48): LonLat[] {
	const f = geoInterpolate(a, b);
	const pts: LonLat[] = [];
	// The ends exactly as given (interpolation leaves rounding noise there).
	for (let i = 0; i <= segments; i++) pts.push(i === 0 ? a : i === segments ? b : (f(i / segments) as LonLat));
	return unwrapLongitudes(pts);
}

/** The box around a set of (unwrapped) points: [[west, south], [east, north]]. */
export function boundsOf(points: LonLat[]): [LonLat, LonLat] | null {
	if (!points.length) return null;
	let w = Infinity, s = Infinity, e = -Infinity, n = -Infinity;
	for (const [lon, lat] of points) {
		w = Math.min(w, lon);
		e = Math.max(e, lon);
		s = Math.min(s, lat);
		n = Math.max(n, lat);
	}
	return [[w, s], [e, n]];
}
