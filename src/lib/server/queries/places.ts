/** Places: the points on the map with their counts for a filter, and one place by slug. */
import type { MapPlacePoint } from '$lib/map/types';
import { and, asc, count, desc, eq, sql } from 'drizzle-orm';
import { engagements as e, engagementPlaces, places } from '../db/schema';
import type { AtlasDb } from '../db/open';
import type { Filters } from '$lib/filters';
import { whereFor } from './where';
import { facets } from './facets';

/** The columns of a place's map point. */
const pointColumns = { slug: places.slug, label: places.label, kind: places.kind, stateCode: places.stateCode, lat: places.lat, lon: places.lon };

/** A place on the explorer's map with its count for a filter (one type for server and browser). */
export type MapPlace = MapPlacePoint;

/** Every place with at least one engagement matching the filter, with that count (from the facet index). */
export function placesForMap(db: AtlasDb, f: Filters): MapPlace[] {
	return facets(db).placePoints(f);
}

/** The same in SQL: the reference for tests. */
export function placesForMapSql(db: AtlasDb, f: Filters): MapPlace[] {
	return db
		.select({
			...pointColumns,
			n: count()
		})
		.from(engagementPlaces)
		.innerJoin(e, eq(e.pk, engagementPlaces.engagementPk))
		.innerJoin(places, eq(places.id, engagementPlaces.placeId))
		.where(whereFor(f))
		.groupBy(places.id)
		.orderBy(desc(count()), asc(places.slug))
		.all();
}

export type PlaceRecord = typeof places.$inferSelect;

export function placeBySlug(db: AtlasDb, slug: string): PlaceRecord | undefined {
	return db.select().from(places).where(eq(places.slug, slug)).get();
}

/** All places, for the API list and for suggestions on a 404. */
export function allPlaces(db: AtlasDb) {
	return db
		.select({
			...pointColumns,
			population: places.population,
			n: sql<number>`(SELECT count(*) FROM engagement_places ep WHERE ep.place_id = ${places.id})`
		})
		.from(places)
		.orderBy(asc(places.slug))
		.all();
}

export function placesOfState(db: AtlasDb, stateCode: string) {
	return allPlaces(db).filter((p) => p.stateCode === stateCode && p.kind !== 'state');
}

export { and };

/** The partners of a place that have a point, for the arcs of its map. */
export function partnerPointsOfPlace(db: AtlasDb, placeId: number) {
	return db.all(sql`
		SELECT DISTINCT pa.slug, pa.name, pa.lat, pa.lon
		FROM engagements e JOIN partners pa ON pa.id = e.partner_id
		WHERE e.pk IN (SELECT engagement_pk FROM engagement_places WHERE place_id = ${placeId}) AND pa.lat IS NOT NULL AND pa.lon IS NOT NULL
		ORDER BY pa.slug`) as { slug: string; name: string; lat: number; lon: number }[];
}
