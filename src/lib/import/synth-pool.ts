/** Real gazetteer names that resolve without ambiguity, for synthetic benchmark rows. */
import type { Gazetteer, GeoPlace } from './gazetteer';
import { resolvePlace } from './resolve';
import { STATE_BY_CODE } from '../states';

export function placesForSynth(g: Gazetteer, usCount = 2000, foreignCount = 3000): { us: string[]; foreign: GeoPlace[] } {
	const us: string[] = [];
	const facts = new Map();
	// States are in the synthetic pool by their codes; "Washington, DC" resolves to the District itself.
	const keys = new Set<string>([...STATE_BY_CODE.keys()].map((c) => `state:${c}`));
	for (const p of g.largestPlaces('US', usCount * 2)) {
		if (!STATE_BY_CODE.has(p.admin1)) continue;
		const text = `${p.name}, ${p.admin1}`;
		const r = resolvePlace(text, g, facts);
		// Two gazetteer entries can resolve to the same place; keep one name per place.
		if (r.ok && !keys.has(r.value.key)) {
			keys.add(r.value.key);
			us.push(text);
		}
		if (us.length >= usCount) break;
	}
	const foreign = g.largestPlaces(null, foreignCount * 2).filter((p) => p.country !== 'US' && g.country(p.country)).slice(0, foreignCount);
	return { us, foreign };
}
