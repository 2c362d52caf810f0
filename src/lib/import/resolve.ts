/**
 * Resolve the names in a validated row to gazetteer entries: the U.S. places ("WA", "King County, WA",
 * "Seattle, WA") and the partner. Every failure is a message that says what was looked for and, when the name
 * is ambiguous or close to others, lists the candidates.
 */
import type { Gazetteer, GeoPlace } from './gazetteer';
import { round } from './gazetteer';
import { STATE_BY_CODE } from '../states';
import { normName, slugify } from './normalize';
import type { EngagementRow } from './validate';
import type { PartnerKind, PlaceKind } from '../taxonomy';

export interface PlaceFacts {
	geonamesId: number | null;
	lat: number | null;
	lon: number | null;
	population: number | null;
	officeName: string | null;
	officeUrl: string | null;
	officeStaff: number | null;
	sourceUrl: string | null;
}

export interface ResolvedPlace {
	key: string;
	slugBase: string;
	kind: PlaceKind;
	name: string;
	label: string;
	stateCode: string;
	censusRegion: string;
	fips: string | null;
	geonamesId: number | null;
	lat: number;
	lon: number;
	population: number | null;
	facts: PlaceFacts | null;
}

export interface ResolvedPartner {
	key: string;
	slugBase: string;
	kind: PartnerKind;
	name: string;
	regionName: string | null;
	country: string | null;
	lat: number | null;
	lon: number | null;
	geonamesId: number | null;
	networkSlug: string | null;
}

export interface NetworkRef {
	slug: string;
	name: string;
}

type Result<T> = { ok: true; value: T } | { ok: false; message: string };

const COUNTY_SUFFIX = /\s+(County|Parish|Borough|Census Area|City and Borough|Municipality)$/;
/** GeoNames files the territories under their own country codes, not under US. */
const TERRITORIES = new Set(['PR', 'GU', 'VI', 'AS', 'MP']);
/** A larger place wins an ambiguous name only when it is this many times the next. */
const DOMINANCE = 5;

export function placeKey(text: string): string {
	return normName(text);
}

function fmtPop(n: number) {
	return n.toLocaleString('en-US');
}

function describe(p: GeoPlace): string {
	return `${p.name} (${p.admin1 ? `admin ${p.admin1}, ` : ''}population ${fmtPop(p.population)}, geonames_id ${p.geonameId})`;
}

/** Pick one of several gazetteer places, or explain why not. */
function pickDominant(cands: GeoPlace[]): GeoPlace | undefined {
	if (cands.length === 1) return cands[0];
	const sorted = [...cands].sort((a, b) => b.population - a.population || a.geonameId - b.geonameId);
	if (sorted[0].population > 0 && sorted[0].population >= DOMINANCE * sorted[1].population) return sorted[0];
	return undefined;
}

function similar<T>(items: T[], name: (t: T) => string, wanted: string, max = 6): string[] {
	const w = normName(wanted);
	const scored = items
		.map((t) => ({ n: name(t), s: sharedPrefix(normName(name(t)), w) }))
		.filter((x) => x.s >= Math.min(3, w.length))
		.sort((a, b) => b.s - a.s || a.n.localeCompare(b.n));
	return [...new Set(scored.map((x) => x.n))].slice(0, max);
}

function sharedPrefix(a: string, b: string): number {
	let i = 0;
	while (i < a.length && i < b.length && a[i] === b[i]) i++;
	return i;
}

export function resolvePlace(text: string, g: Gazetteer, facts: Map<string, PlaceFacts>): Result<ResolvedPlace> {
	const f = facts.get(placeKey(text)) ?? null;
	const withFacts = (p: ResolvedPlace): Result<ResolvedPlace> => {
		if (f) {
			if (f.lat !== null && f.lon !== null) {
				p.lat = f.lat;
				p.lon = f.lon;
			}
			if (f.population !== null) p.population = f.population;
			p.facts = f;
		}
		return { ok: true, value: p };
	};
	if (/^[A-Z]{2}$/.test(text)) {
		const s = STATE_BY_CODE.get(text);
		if (!s) return { ok: false, message: `unknown state code "${text}"; expected a USPS code such as WA, DC or PR` };
		const c = g.stateCentroid(s.fips)!;
		return withFacts({
			key: `state:${s.code}`,
			slugBase: s.code.toLowerCase(),
			kind: 'state',
			name: s.name,
			label: s.name,
			stateCode: s.code,
			censusRegion: s.region,
			fips: s.fips,
			geonamesId: null,
			lat: c.lat,
			lon: c.lon,
			population: s.population,
			facts: null
		});
	}
	const m = /^(.+?),\s*([A-Z]{2})$/.exec(text);
	if (!m) return { ok: false, message: `cannot read place "${text}"; expected "WA", "King County, WA" or "Seattle, WA"` };
	const [, name, code] = m;
	const s = STATE_BY_CODE.get(code);
	if (!s) return { ok: false, message: `unknown state code "${code}" in "${text}"` };
	// The city of Washington is the District itself: one place, not two.
	if (code === 'DC' && /^washington( dc)?$/i.test(name.trim())) return resolvePlace('DC', g, facts);

	const countyMatch = COUNTY_SUFFIX.exec(name);
	if (countyMatch) {
		const base = name.slice(0, countyMatch.index);
		let cands = g.findCounties(code, base);
		// Baltimore, St. Louis, Richmond...: a county and an independent city share a name; "County" means the county.
		if (cands.length > 1) cands = cands.filter((c) => Number(c.fips.slice(2)) < 500);
		if (cands.length === 0) {
			const near = similar(g.countiesOf(code), (c) => c.name, base);
			return {
				ok: false,
				message: `no county "${base}" in ${code} (us-atlas)${near.length ? `; did you mean ${near.join(', ')}?` : ''}`
			};
		}
		if (cands.length > 1) {
			return { ok: false, message: `"${text}" fits ${cands.length} counties: ${cands.map((c) => c.fips).join(', ')}` };
		}
		const c = cands[0];
		return withFacts({
			key: `county:${c.fips}`,
			slugBase: `${code.toLowerCase()}-${slugify(`${c.name} ${countyMatch[1]}`)}`,
			kind: 'county',
			name: `${c.name} ${countyMatch[1]}`,
			label: `${c.name} ${countyMatch[1]}, ${code}`,
			stateCode: code,
			censusRegion: s.region,
			fips: c.fips,
			geonamesId: null,
			lat: c.lat,
			lon: c.lon,
			population: null,
			facts: null
		});
	}

	const country = TERRITORIES.has(code) ? code : 'US';
	const admin1 = TERRITORIES.has(code) ? undefined : code;
	let chosen: GeoPlace | undefined;
	if (f?.geonamesId) {
		chosen = g.place(f.geonamesId);
		if (!chosen || chosen.country !== country || (admin1 && chosen.admin1 !== admin1)) {
			return { ok: false, message: `geonames_id ${f.geonamesId} in data/places.csv is not a place in ${code}` };
		}
	} else {
		const cands = g.findPlaces(country, name, admin1);
		if (cands.length === 0) {
			const near = similar(g.findPlacesByPrefix(country, name, admin1), (p) => p.name, name);
			return {
				ok: false,
				message: `no place "${name}" in ${code} in GeoNames${near.length ? `; did you mean ${near.join(', ')}?` : ''}`
			};
		}
		chosen = pickDominant(cands);
		if (!chosen) {
			return {
				ok: false,
				message: `"${text}" fits ${cands.length} places: ${cands.slice(0, 6).map(describe).join('; ')}; settle it with geonames_id in data/places.csv`
			};
		}
	}
	return withFacts({
		key: `city:${chosen.geonameId}`,
		slugBase: `${code.toLowerCase()}-${slugify(chosen.name)}`,
		kind: 'city',
		name: chosen.name,
		label: `${chosen.name}, ${code}`,
		stateCode: code,
		censusRegion: s.region,
		fips: null,
		geonamesId: chosen.geonameId,
		lat: round(chosen.lat),
		lon: round(chosen.lon),
		population: chosen.population || null,
		facts: null
	});
}

export type PartnerProblem = { column: string; message: string };

export function resolvePartner(
	row: EngagementRow,
	g: Gazetteer,
	networks: Map<string, NetworkRef>
): { ok: true; value: ResolvedPartner } | { ok: false; problem: PartnerProblem } {
	const fail = (column: string, message: string) => ({ ok: false as const, problem: { column, message } });
	const cc = row.partnerCountry;
	const country = cc ? g.country(cc) : undefined;
	if (cc && !country) return fail('partner_country', `unknown country code "${cc}"`);
	const point = row.partnerPoint;

	switch (row.partnerKind) {
		case 'country':
			return {
				ok: true,
				value: {
					key: `country:${cc}`,
					slugBase: cc.toLowerCase(),
					kind: 'country',
					name: country!.name,
					regionName: null,
					country: cc,
					lat: point?.lat ?? country!.lat,
					lon: point?.lon ?? country!.lon,
					geonamesId: null,
					networkSlug: null
				}
			};
		case 'network': {
			const n = networks.get(row.network);
			if (!n) return fail('network', `unknown network "${row.network}"; add it to data/networks.csv`);
			return {
				ok: true,
				value: {
					key: `network:${n.slug}`,
					slugBase: n.slug,
					kind: 'network',
					name: n.name,
					regionName: null,
					country: null,
					lat: point?.lat ?? null,
					lon: point?.lon ?? null,
					geonamesId: null,
					networkSlug: n.slug
				}
			};
		}
		case 'organisation':
			return {
				ok: true,
				value: {
					key: `organisation:${cc.toLowerCase()}:${normName(row.partner)}`,
					slugBase: `org-${slugify(row.partner)}`,
					kind: 'organisation',
					name: row.partner,
					regionName: null,
					country: cc || null,
					lat: point?.lat ?? country?.lat ?? null,
					lon: point?.lon ?? country?.lon ?? null,
					geonamesId: null,
					networkSlug: null
				}
			};
		case 'region': {
			const regions = g.findRegions(cc, row.partner);
			if (regions.length === 1) {
				const r = regions[0];
				const seat = g.regionSeat(r);
				return {
					ok: true,
					value: {
						key: `region:${cc}.${r.code}`,
						slugBase: `${cc.toLowerCase()}-${slugify(r.name)}`,
						kind: 'region',
						name: r.name,
						regionName: r.name,
						country: cc,
						lat: point?.lat ?? (seat ? round(seat.lat) : country!.lat),
						lon: point?.lon ?? (seat ? round(seat.lon) : country!.lon),
						geonamesId: null,
						networkSlug: null
					}
				};
			}
			if (regions.length === 0 && point) {
				return {
					ok: true,
					value: {
						key: `region:${cc}:${normName(row.partner)}`,
						slugBase: `${cc.toLowerCase()}-${slugify(row.partner)}`,
						kind: 'region',
						name: row.partner,
						regionName: row.partner,
						country: cc,
						lat: point.lat,
						lon: point.lon,
						geonamesId: null,
						networkSlug: null
					}
				};
			}
			if (regions.length > 1) {
				return fail('partner', `region "${row.partner}" fits ${regions.length} regions of ${cc}: ${regions.map((r) => r.name).join(', ')}`);
			}
			const all = g.regionsOf(cc).map((r) => r.name);
			const near = similar(g.regionsOf(cc), (r) => r.name, row.partner);
			const hint = near.length ? `did you mean ${near.join(', ')}?` : `regions of ${cc}: ${all.slice(0, 40).join(', ')}`;
			return fail('partner', `no region "${row.partner}" in ${cc} (GeoNames admin1); ${hint} Or give partner_lat and partner_lon.`);
		}
		case 'city': {
			let admin1: string | undefined;
			let regionName: string | null = null;
			if (row.partnerRegion) {
				const regions = g.findRegions(cc, row.partnerRegion);
				if (regions.length !== 1) {
					const near = similar(g.regionsOf(cc), (r) => r.name, row.partnerRegion);
					return fail('partner_region', `no single region "${row.partnerRegion}" in ${cc}${near.length ? `; did you mean ${near.join(', ')}?` : ''}`);
				}
				admin1 = regions[0].code;
				regionName = regions[0].name;
			}
			let chosen: GeoPlace | undefined;
			if (row.partnerGeonamesId) {
				chosen = g.place(row.partnerGeonamesId);
				if (!chosen || chosen.country !== cc) {
					return fail('partner_geonames_id', `geonames_id ${row.partnerGeonamesId} is not a place in ${cc}`);
				}
			} else {
				const cands = g.findPlaces(cc, row.partner, admin1);
				if (cands.length === 0 && !point) {
					const near = similar(g.findPlacesByPrefix(cc, row.partner, admin1), (p) => p.name, row.partner);
					return fail('partner', `no city "${row.partner}" in ${cc}${regionName ? ` (${regionName})` : ''} in GeoNames${near.length ? `; did you mean ${near.join(', ')}?` : ''}; or give partner_lat and partner_lon`);
				}
				if (cands.length > 0) {
					chosen = pickDominant(cands);
					if (!chosen) {
						return fail('partner', `city "${row.partner}" in ${cc} fits ${cands.length} places: ${cands.slice(0, 6).map(describe).join('; ')}; set partner_geonames_id or partner_region`);
					}
				}
			}
			if (!chosen) {
				return {
					ok: true,
					value: {
						key: `city:${cc}:${normName(row.partner)}`,
						slugBase: `${cc.toLowerCase()}-${slugify(row.partner)}`,
						kind: 'city',
						name: row.partner,
						regionName,
						country: cc,
						lat: point!.lat,
						lon: point!.lon,
						geonamesId: null,
						networkSlug: null
					}
				};
			}
			const region = regionName ?? g.regionsOf(cc).find((r) => r.code === chosen.admin1)?.name ?? null;
			return {
				ok: true,
				value: {
					key: `city:${chosen.geonameId}`,
					slugBase: `${cc.toLowerCase()}-${slugify(chosen.name)}`,
					kind: 'city',
					name: chosen.name,
					regionName: region,
					country: cc,
					lat: point?.lat ?? round(chosen.lat),
					lon: point?.lon ?? round(chosen.lon),
					geonamesId: chosen.geonameId,
					networkSlug: null
				}
			};
		}
	}
}
