/** International networks with how many memberships (and other engagements) match a filter: /api/v1/networks. */
import { and, asc, count, eq, isNotNull } from 'drizzle-orm';
import { engagements as e, networks, partners } from '../db/schema';
import type { AtlasDb } from '../db/open';
import type { Filters } from '$lib/filters';
import { whereFor } from './where';

export interface NetworkCount {
	slug: string;
	name: string;
	url: string;
	issue_areas: string[];
	summary: string | null;
	founded: number | null;
	n: number;
}

/** Every network, with the count of matching engagements whose partner it is (0 when none match). */
export function networksFor(db: AtlasDb, f: Filters): NetworkCount[] {
	const counts = new Map(
		db
			.select({ id: partners.networkId, n: count() })
			.from(e)
			.innerJoin(partners, eq(partners.id, e.partnerId))
			.where(and(eq(e.partnerKind, 'network'), isNotNull(partners.networkId), whereFor(f)))
			.groupBy(partners.networkId)
			.all()
			.map((r) => [r.id!, r.n])
	);
	return db
		.select()
		.from(networks)
		.orderBy(asc(networks.slug))
		.all()
		.map((n) => ({
			slug: n.slug,
			name: n.name,
			url: n.url,
			issue_areas: n.issueAreas ? n.issueAreas.split(';').filter(Boolean) : [],
			summary: n.summary,
			founded: n.founded,
			n: counts.get(n.id) ?? 0
		}));
}
