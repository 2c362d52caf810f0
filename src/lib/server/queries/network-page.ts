/** The page of one international network: what it is, its U.S. members with their joining years, its other ties. */
import { sql } from 'drizzle-orm';
import type { AtlasDb } from '../db/open';
import type { MapPlacePoint } from '$lib/map/types';
import { networks, engagements } from '../db/schema';
import { eq, type SQL } from 'drizzle-orm';

export type NetworkRow = typeof networks.$inferSelect;

export function networkBySlug(db: AtlasDb, slug: string): NetworkRow | undefined {
	return db.select().from(networks).where(eq(networks.slug, slug)).get();
}

/** Every network with its number of engagements: for suggestions and the walk of all pages. */
export function networksWithCounts(db: AtlasDb): { slug: string; name: string; n: number }[] {
	return db.all(sql`SELECT n.slug, n.name, (SELECT count(*) FROM engagements e JOIN partners pa ON pa.id = e.partner_id WHERE pa.network_id = n.id) n
		FROM networks n ORDER BY n.name`) as { slug: string; name: string; n: number }[];
}

/** A member place as the map draws it (without a count), with its membership record. */
export interface Member extends Omit<MapPlacePoint, 'n'> {
	engagementId: string;
	startDate: string | null;
	startYear: number | null;
	endDate: string | null;
	status: string;
}

/** U.S. members (lead or participant of a membership), earliest joiners first, unknown years last. */
export function networkMembers(db: AtlasDb, networkId: number): Member[] {
	return db.all(sql`
		SELECT e.id engagementId, p.slug, p.label, p.kind, p.state_code stateCode, p.lat, p.lon,
			e.start_date startDate, e.start_year startYear, e.end_date endDate, e.status
		FROM engagements e JOIN partners pa ON pa.id = e.partner_id
		JOIN engagement_places ep ON ep.engagement_pk = e.pk JOIN places p ON p.id = ep.place_id
		WHERE pa.network_id = ${networkId} AND e.type = 'network_membership'
		ORDER BY e.start_year IS NULL, e.start_year, p.label`) as Member[];
}

/** The condition for every engagement whose partner is this network, for listEngagements. */
export function withNetwork(networkId: number): SQL {
	return sql`${engagements.partnerId} IN (SELECT id FROM partners WHERE network_id = ${networkId})`;
}
