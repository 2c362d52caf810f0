/**
 * The explorer's view state beyond the filters: which map (United States or World), which place is selected and
 * which page of the list. Kept in the URL next to the filters, so a shared link restores the exact view.
 */
import { serializeFilters, type Filters } from '$lib/filters';

export const VIEWS = ['us', 'world'] as const;
export type MapView = (typeof VIEWS)[number];
export const VIEW_PARAMS = ['view', 'place', 'page'] as const;

export interface ViewState {
	view: MapView;
	place: string | null;
	page: number;
}

export function parseView(params: URLSearchParams): { ok: true; view: ViewState } | { ok: false; parameter: string; message: string } {
	const view = params.get('view') ?? 'us';
	if (!(VIEWS as readonly string[]).includes(view)) return { ok: false, parameter: 'view', message: `unknown view "${view.slice(0, 20)}"; expected us or world` };
	const place = params.get('place');
	if (place !== null && !/^[a-z0-9-]{1,120}$/.test(place)) return { ok: false, parameter: 'place', message: 'expected a place slug such as wa-seattle' };
	const pageParam = params.get('page') ?? '1';
	if (!/^\d{1,6}$/.test(pageParam) || Number(pageParam) < 1) return { ok: false, parameter: 'page', message: `expected a page number, got "${pageParam.slice(0, 20)}"` };
	return { ok: true, view: { view: view as MapView, place, page: Number(pageParam) } };
}

/** The explorer URL for filters and view; defaults are left out so that equal states give equal URLs. */
export function explorerHref(f: Filters, v: Partial<ViewState> = {}): string {
	const p = serializeFilters(f);
	if (v.view && v.view !== 'us') p.set('view', v.view);
	if (v.place) p.set('place', v.place);
	if (v.page && v.page > 1) p.set('page', String(v.page));
	const q = p.toString();
	return q ? `/?${q}` : '/';
}

/** Filters with one list value toggled, for chart bars and legend entries that filter when clicked. */
export function toggled<K extends 'type' | 'issue' | 'country' | 'state' | 'status'>(f: Filters, key: K, value: Filters[K][number]): Filters {
	const list = f[key] as string[];
	const next = list.includes(value) ? list.filter((x) => x !== value) : [...list, value];
	return { ...f, [key]: next };
}

/**
 * Engagements per page of the explorer's list. 25 keeps the first page light (each card carries its summary and
 * sources) and a filter change quick to redraw; the pager and the API reach the rest.
 */
export const LIST_PAGE_SIZE = 25;
