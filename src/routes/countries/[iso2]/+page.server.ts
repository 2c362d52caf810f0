import { error, redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { atlas } from '$lib/server/db';
import { countryByIso2, countriesWithCounts, countryPage } from '$lib/server/queries/country-page';
import { listEngagements } from '$lib/server/queries/engagements';
import { emptyFilters } from '$lib/filters';
import { suggestClosest } from '$lib/suggest';

/** More than this many records: the page lists the latest and links to the explorer for the rest. */
// The newest 100 records keep the page light (Lighthouse performance); the explorer pages through the rest.
const LIST_LIMIT = 100;

export const load: PageServerLoad = ({ params }) => {
	const code = params.iso2;
	// One canonical address per country: /countries/JP.
	if (/^[a-z]{2}$/i.test(code) && code !== code.toUpperCase()) redirect(301, `/countries/${code.toUpperCase()}`);
	const { db } = atlas();
	const country = /^[A-Z]{2}$/.test(code) ? countryByIso2(db, code) : undefined;
	if (!country) {
		const all = countriesWithCounts(db);
		const close = suggestClosest(code, all, (c) => c.iso2, (c) => c.name);
		error(404, {
			message: `No country "${code.slice(0, 80)}": the address takes an ISO 3166-1 alpha-2 code such as JP.`,
			suggestions: close.map((c) => ({ href: `/countries/${c.iso2}`, label: `${c.name} (${c.iso2})` }))
		});
	}
	const page = countryPage(db, country.iso2);
	return {
		country,
		...page,
		engagements: listEngagements(db, { ...emptyFilters(), country: [country.iso2] }, { limit: LIST_LIMIT }),
		listLimit: LIST_LIMIT
	};
};
