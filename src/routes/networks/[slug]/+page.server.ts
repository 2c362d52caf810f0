import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { atlas } from '$lib/server/db';
import { networkBySlug, networksWithCounts, networkMembers, withNetwork } from '$lib/server/queries/network-page';
import { listEngagements } from '$lib/server/queries/engagements';
import { emptyFilters } from '$lib/filters';
import { suggestClosest } from '$lib/suggest';

export const load: PageServerLoad = ({ params }) => {
	const { db } = atlas();
	const network = networkBySlug(db, params.slug);
	if (!network) {
		const close = suggestClosest(params.slug, networksWithCounts(db), (n) => n.slug, (n) => n.name);
		error(404, {
			message: `No network "${params.slug.slice(0, 80)}" in the atlas.`,
			suggestions: close.map((n) => ({ href: `/networks/${n.slug}`, label: n.name }))
		});
	}
	return {
		network,
		members: networkMembers(db, network.id),
		engagements: listEngagements(db, emptyFilters(), { limit: 2000, extra: withNetwork(network.id) })
	};
};
