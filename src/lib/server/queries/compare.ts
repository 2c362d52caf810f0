/**
 * Side-by-side comparison of up to five places: counts by type, partner countries in common and unique to each,
 * and timelines that share one scale.
 */
import type { AtlasDb } from '../db/open';
import { placeBySlug, allPlaces, type PlaceRecord } from './places';
import { profileOf, ofPlace, type Profile, type CountryCount } from './profile';
import { suggestClosest } from '$lib/suggest';

export const MAX_COMPARE = 5;

/** The `places` parameter: slugs separated by commas, duplicates dropped, at most MAX_COMPARE. */
export function parseCompareParam(params: URLSearchParams): { ok: true; slugs: string[] } | { ok: false; message: string } {
	const all = params.getAll('places');
	if (all.length > 1) return { ok: false, message: 'places: give it once, with slugs separated by commas (places=wa-seattle,or-portland)' };
	const slugs = [...new Set((all[0] ?? '').split(',').map((s) => s.trim().toLowerCase()).filter(Boolean))];
	if (slugs.length > MAX_COMPARE) return { ok: false, message: `places: at most ${MAX_COMPARE} places can be compared, got ${slugs.length}` };
	return { ok: true, slugs };
}

export interface UnknownSlug {
	slug: string;
	suggestions: { slug: string; label: string }[];
}

/** Look the slugs up; the ones not found come back with close matches. */
export function resolveSlugs(db: AtlasDb, slugs: string[]): { found: PlaceRecord[]; unknown: UnknownSlug[] } {
	const found: PlaceRecord[] = [];
	const unknown: UnknownSlug[] = [];
	let everyPlace: ReturnType<typeof allPlaces> | undefined;
	for (const slug of slugs) {
		const p = /^[a-z0-9-]{1,80}$/.test(slug) ? placeBySlug(db, slug) : undefined;
		if (p) found.push(p);
		else {
			everyPlace ??= allPlaces(db);
			unknown.push({ slug: slug.slice(0, 80), suggestions: suggestClosest(slug, everyPlace, (x) => x.slug, (x) => x.label, 3).map((x) => ({ slug: x.slug, label: x.label })) });
		}
	}
	return { found, unknown };
}

export interface ComparedPlace {
	place: PlaceRecord;
	profile: Profile;
	/** Partner countries no other compared place has. */
	unique: CountryCount[];
}

export interface Comparison {
	places: ComparedPlace[];
	/** Partner countries every compared place has (empty for a single place). */
	common: { iso2: string; name: string }[];
	/** Shared scales of the timelines: first and last start year, and the largest count in one year. */
	years: [number, number] | null;
	yMax: number;
}

export function comparePlaces(db: AtlasDb, list: PlaceRecord[]): Comparison {
	const profiles = list.map((place) => ({ place, profile: profileOf(db, ofPlace(place.id)) }));
	const sets = profiles.map((p) => new Set(p.profile.byCountry.map((c) => c.iso2)));
	const common =
		profiles.length < 2
			? []
			: profiles[0].profile.byCountry.filter((c) => sets.every((s) => s.has(c.iso2))).map(({ iso2, name }) => ({ iso2, name })).sort((a, b) => a.name.localeCompare(b.name));
	const places = profiles.map((p, i) => ({
		...p,
		unique: profiles.length < 2 ? [] : p.profile.byCountry.filter((c) => sets.every((s, j) => j === i || !s.has(c.iso2)))
	}));
	const allYears = profiles.flatMap((p) => p.profile.byYear.map((y) => y.year));
	const perYear = profiles.flatMap((p) => {
		const m = new Map<number, number>();
		for (const y of p.profile.byYear) m.set(y.year, (m.get(y.year) ?? 0) + y.n);
		return [...m.values()];
	});
	return {
		places,
		common,
		years: allYears.length ? [Math.min(...allYears), Math.max(...allYears)] : null,
		yMax: Math.max(0, ...perYear)
	};
}
