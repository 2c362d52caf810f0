import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { atlas } from '$lib/server/db';
import { engagementById, engagementDetails, relatedEngagements, engagementIdCandidates } from '$lib/server/queries/engagements';
import { suggest } from '$lib/suggest';
import { recordCitation } from '$lib/server/api';

export const load: PageServerLoad = ({ params, url }) => {
	const { db, version, builtAt } = atlas();
	const id = params.id;
	const engagement = /^[a-z0-9:._-]{1,120}$/.test(id) ? engagementById(db, id) : undefined;
	if (!engagement) {
		const wanted = id.toLowerCase().slice(0, 120);
		const close = suggest(wanted, engagementIdCandidates(db, wanted), (e) => e.id);
		error(404, {
			message: `No engagement "${id.slice(0, 120)}" in the atlas.`,
			suggestions: close.map((e) => ({ href: `/engagements/${e.id}`, label: `${e.title} (${e.id})` }))
		});
	}
	const citation = recordCitation(engagement.title, `${url.origin}/engagements/${id}`, version, builtAt);
	return { engagement, details: engagementDetails(db, id)!, related: relatedEngagements(db, id), citation };
};
