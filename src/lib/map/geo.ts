// Colour classes of the choropleths (great-circle arcs live in arcs.ts).

/** ColorBrewer "Blues": sequential, readable with the common colour-vision deficiencies. */
export const SEQUENTIAL = ['#deebf7', '#9ecae1', '#6baed6', '#3182bd', '#08519c'];

/** Class breaks (lower bounds) for counts up to `max`: 1 and then fractions of the maximum, without repeats. */
export function breaks(max: number): number[] {
	if (max <= 0) return [];
	const raw = [1, max * 0.1, max * 0.25, max * 0.5, max * 0.75].map((x) => Math.max(1, Math.ceil(x)));
	return [...new Set(raw)].sort((a, b) => a - b);
}

/** The SEQUENTIAL colour index of a count under these breaks, or -1 for none (zero). */
export function colourClass(n: number, b: number[]): number {
	let i = -1;
	while (i + 1 < b.length && n >= b[i + 1]) i++;
	return i < 0 ? -1 : i + (SEQUENTIAL.length - b.length);
}

/**
 * A fill colour read from the feature state `c` (a SEQUENTIAL index). The expression never changes: a new
 * shading is new feature state, which MapLibre repaints at once, where a new paint expression would send every
 * tile back to its worker.
 */
export const CLASS_FILL = ['match', ['coalesce', ['feature-state', 'c'], -1], ...SEQUENTIAL.flatMap((colour, i) => [i, colour]), 'rgba(0,0,0,0)'];
