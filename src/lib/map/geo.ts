/** Small geographic helpers shared by the map components: great-circle arcs and colour classes. */
import { geoInterpolate } from 'd3-geo';

/**
 * The great-circle arc from a to b as a line of `steps` points, with longitudes kept continuous (beyond ±180
 * when the arc crosses the antimeridian) so that MapLibre draws it the short way instead of across the world.
 */
export function arc(a: [number, number], b: [number, number], steps = 48): [number, number][] {
	const f = geoInterpolate(a, b);
	const pts: [number, number][] = [];
	let shift = 0;
	let prev: number | null = null;
	for (let i = 0; i <= steps; i++) {
		const [lon, lat] = f(i / steps);
		if (prev !== null) {
			if (lon + shift - prev > 180) shift -= 360;
			else if (prev - (lon + shift) > 180) shift += 360;
		}
		prev = lon + shift;
		pts.push([prev, lat]);
	}
	return pts;
}

/** ColorBrewer "Blues": sequential, readable with the common colour-vision deficiencies. */
export const SEQUENTIAL = ['#deebf7', '#9ecae1', '#6baed6', '#3182bd', '#08519c'];

/** Class breaks (lower bounds) for counts up to `max`: 1 and then fractions of the maximum, without repeats. */
export function breaks(max: number): number[] {
	if (max <= 0) return [];
	const raw = [1, max * 0.1, max * 0.25, max * 0.5, max * 0.75].map((x) => Math.max(1, Math.ceil(x)));
	return [...new Set(raw)].sort((a, b) => a - b);
}
