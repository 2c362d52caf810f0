import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { parseFilters, describeParamErrors } from '$lib/filters';
import { parseView, VIEW_PARAMS, LIST_PAGE_SIZE as PAGE_SIZE } from '$lib/explorer/view';
import { atlas } from '$lib/server/db';
import { explorerData } from '$lib/server/queries/explorer';


export const load: PageServerLoad = ({ url }) => {
	const parsed = parseFilters(url.searchParams, VIEW_PARAMS);
	if (!parsed.ok) error(400, { message: describeParamErrors(parsed.errors) });
	const v = parseView(url.searchParams);
	if (!v.ok) error(400, { message: `${v.parameter}: ${v.message}` });
	const { db, version } = atlas();
	const data = explorerData(db, parsed.filters, { page: v.view.page, pageSize: PAGE_SIZE, place: v.view.place, view: v.view.view });
	if (v.view.place && !data.selection) error(404, { message: `No place "${v.view.place}" in the atlas.`, suggestions: [{ href: '/', label: 'the explorer without a selection' }] });
	return { filters: parsed.filters, view: v.view, pageSize: PAGE_SIZE, version, ...data };
};
