// Colour classes of the choropleths (great-circle arcs live in arcs.ts).

/** ColorBrewer "Blues": sequential, readable with the common colour-vision deficiencies. */
export const SEQUENTIAL = ['#deebf7', '#9ecae1', '#6baed6', '#3182bd', '#08519c'];

/** Class breaks (lower bounds) for counts up to `max`: 1 and then fractions of the maximum, without repeats. */
export function breaks(max: number): number[] {
	if (max <= 0) return [];
	const raw = [1, max * 0.1, max * 0.25, max * 0.5, max * 0.75].map((x) => Math.max(1, Math.ceil(x)));
	return [...new Set(raw)].sort((a, b) => a - b);
}
