/** The page of one partner country: the U.S. places engaged with it, its cities and regions involved, the counts. */
import type { MapPlacePoint } from '$lib/map/types';
import { sql } from 'drizzle-orm';
import type { AtlasDb } from '../db/open';
import { profileOf, type Profile } from './profile';

export interface CountryRow {
	iso2: string;
	iso3: string;
	name: string;
	region: string;
	subregion: string;
	lat: number;
	lon: number;
}

export function countryByIso2(db: AtlasDb, iso2: string): CountryRow | undefined {
	return db.get(sql`SELECT iso2, iso3, name, region, subregion, lat, lon FROM countries WHERE iso2 = ${iso2}`) as CountryRow | undefined;
}

/** Every country of the gazetteer with its number of engagements: for suggestions and the walk of all pages. */
export function countriesWithCounts(db: AtlasDb): { iso2: string; name: string; n: number }[] {
	return db.all(sql`SELECT c.iso2, c.name, (SELECT count(*) FROM engagements e WHERE e.partner_country = c.iso2) n FROM countries c ORDER BY c.name`) as {
		iso2: string;
		name: string;
		n: number;
	}[];
}

/** A place on the country's map: a map point plus what it does with the country. */
export interface EngagedPlace extends MapPlacePoint {
	/** Type ids, comma-separated, alphabetical. */
	types: string;
	firstYear: number | null;
}

export interface InvolvedPartner {
	slug: string;
	name: string;
	kind: string;
	regionName: string | null;
	lat: number | null;
	lon: number | null;
	n: number;
	/** Labels of the U.S. places tied to it, separated by `|` (labels hold commas). */
	places: string;
}

export interface CountryPage {
	profile: Profile;
	places: EngagedPlace[];
	partners: InvolvedPartner[];
	/** Which U.S. place is tied to which partner with a point: the arcs of the map. */
	links: { place: string; partner: string }[];
}

export function countryPage(db: AtlasDb, iso2: string): CountryPage {
	const where = sql`e.partner_country = ${iso2}`;
	return {
		profile: profileOf(db, where),
		places: db.all(sql`
			SELECT p.slug, p.label, p.kind, p.state_code stateCode, p.lat, p.lon, count(*) n,
				(SELECT group_concat(t, ',') FROM (SELECT DISTINCT e2.type t FROM engagements e2 JOIN engagement_places ep2 ON ep2.engagement_pk = e2.pk
					WHERE ep2.place_id = p.id AND e2.partner_country = ${iso2} ORDER BY 1)) types,
				min(e.start_year) firstYear
			FROM engagements e JOIN engagement_places ep ON ep.engagement_pk = e.pk JOIN places p ON p.id = ep.place_id
			WHERE ${where} GROUP BY p.id ORDER BY n DESC, p.label`) as EngagedPlace[],
		partners: db.all(sql`
			SELECT pa.slug, pa.name, pa.kind, pa.region_name regionName, pa.lat, pa.lon, count(*) n,
				(SELECT group_concat(label, '|') FROM (SELECT DISTINCT p.label FROM engagements e2 JOIN engagement_places ep ON ep.engagement_pk = e2.pk
					JOIN places p ON p.id = ep.place_id WHERE e2.partner_id = pa.id ORDER BY 1)) places
			FROM engagements e JOIN partners pa ON pa.id = e.partner_id
			WHERE ${where} AND pa.kind IN ('city', 'region', 'organisation') GROUP BY pa.id ORDER BY n DESC, pa.name`) as InvolvedPartner[],
		links: db.all(sql`
			SELECT DISTINCT p.slug place, pa.slug partner
			FROM engagements e JOIN partners pa ON pa.id = e.partner_id
			JOIN engagement_places ep ON ep.engagement_pk = e.pk JOIN places p ON p.id = ep.place_id
			WHERE ${where} AND pa.lat IS NOT NULL ORDER BY 1, 2`) as { place: string; partner: string }[]
	};
}
