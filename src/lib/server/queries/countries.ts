/** Partner countries with their engagement counts for a filter: /api/v1/countries. */
import { asc, count, desc, eq } from 'drizzle-orm';
import { engagements as e, countries } from '../db/schema';
import type { AtlasDb } from '../db/open';
import type { Filters } from '$lib/filters';
import { whereFor } from './where';
import type { CountryRow } from './country-page';

export type CountryCount = CountryRow & { n: number };

export function countriesFor(db: AtlasDb, f: Filters): CountryCount[] {
	return db
		.select({
			iso2: countries.iso2,
			iso3: countries.iso3,
			name: countries.name,
			region: countries.region,
			subregion: countries.subregion,
			lat: countries.lat,
			lon: countries.lon,
			n: count()
		})
		.from(e)
		.innerJoin(countries, eq(countries.iso2, e.partnerCountry))
		.where(whereFor(f))
		.groupBy(e.partnerCountry)
		.orderBy(desc(count()), asc(countries.iso2))
		.all();
}
