/**
 * The one filter model of the atlas: the explorer's URL, the pages and /api/v1 all parse and serialise filters
 * here, so a link copied from the map and an API call with the same parameters select the same engagements.
 */
import {
	TYPE_IDS,
	ISSUE_IDS,
	STATUS_IDS,
	PLACE_KINDS,
	WORLD_REGION_NAMES,
	CENSUS_REGIONS,
	type TypeId,
	type IssueId,
	type StatusId,
	type PlaceKind
} from './taxonomy';
import { STATES } from './states';

export interface Filters {
	type: TypeId[];
	issue: IssueId[];
	country: string[];
	region: string[];
	state: string[];
	census: string[];
	kind: PlaceKind[];
	status: StatusId[];
	from: number | null;
	to: number | null;
	q: string;
}

export const FILTER_PARAMS = ['type', 'issue', 'country', 'region', 'state', 'census', 'kind', 'status', 'from', 'to', 'q'] as const;
export type FilterParam = (typeof FILTER_PARAMS)[number];

export interface ParamError {
	parameter: string;
	message: string;
	allowed?: readonly string[];
}

/** The problems of a bad query string as one line for a page's 400 message, each naming its parameter. */
export function describeParamErrors(errors: readonly ParamError[]): string {
	return errors.map((e) => `${e.parameter}: ${e.message}`).join('; ');
}

export const MIN_YEAR = 1800;
export const MAX_YEAR = 2100;
export const MAX_Q_LENGTH = 200;

export function emptyFilters(): Filters {
	return { type: [], issue: [], country: [], region: [], state: [], census: [], kind: [], status: [], from: null, to: null, q: '' };
}

const STATE_CODES = STATES.map((s) => s.code);

const LISTS: Record<Exclude<FilterParam, 'from' | 'to' | 'q' | 'country'>, readonly string[]> = {
	type: TYPE_IDS,
	issue: ISSUE_IDS,
	region: WORLD_REGION_NAMES,
	state: STATE_CODES,
	census: CENSUS_REGIONS,
	kind: PLACE_KINDS,
	status: STATUS_IDS
};

function splitList(values: string[]): string[] {
	return [...new Set(values.flatMap((v) => v.split(',')).map((s) => s.trim()).filter(Boolean))];
}

/**
 * Parse filters from URL parameters. Repeated parameters and comma lists are both accepted (`type=a,b` or
 * `type=a&type=b`), so an HTML form submitted by GET and a hand-written link mean the same.
 * `extra` names further parameters the caller accepts (paging, format); any other parameter is an error.
 */
export function parseFilters(
	params: URLSearchParams,
	extra: readonly string[] = []
): { ok: true; filters: Filters } | { ok: false; errors: ParamError[] } {
	const f = emptyFilters();
	const errors: ParamError[] = [];
	for (const key of new Set(params.keys())) {
		if (!(FILTER_PARAMS as readonly string[]).includes(key) && !extra.includes(key)) {
			errors.push({ parameter: key, message: `unknown parameter "${key}"`, allowed: [...FILTER_PARAMS, ...extra] });
		}
	}
	for (const [key, allowed] of Object.entries(LISTS) as [keyof typeof LISTS, readonly string[]][]) {
		const values = splitList(params.getAll(key));
		const bad = values.filter((v) => !allowed.includes(v));
		if (bad.length) errors.push({ parameter: key, message: `unknown ${key} ${bad.map((b) => `"${b}"`).join(', ')}`, allowed });
		else (f[key] as string[]) = values;
	}
	const countries = splitList(params.getAll('country')).map((c) => c.toUpperCase());
	const badCountries = countries.filter((c) => !/^[A-Z]{2}$/.test(c));
	if (badCountries.length) {
		errors.push({ parameter: 'country', message: `expected ISO 3166-1 alpha-2 codes such as JP, got ${badCountries.map((b) => `"${b}"`).join(', ')}` });
	} else f.country = countries;
	for (const key of ['from', 'to'] as const) {
		const all = params.getAll(key).filter((v) => v.trim() !== '');
		if (all.length > 1) errors.push({ parameter: key, message: `give ${key} once` });
		else if (all.length === 1) {
			const v = all[0].trim();
			if (!/^\d{4}$/.test(v) || Number(v) < MIN_YEAR || Number(v) > MAX_YEAR) {
				errors.push({ parameter: key, message: `expected a year between ${MIN_YEAR} and ${MAX_YEAR}, got "${v.slice(0, 20)}"` });
			} else f[key] = Number(v);
		}
	}
	if (f.from !== null && f.to !== null && f.from > f.to) {
		errors.push({ parameter: 'to', message: `"to" (${f.to}) is before "from" (${f.from})` });
	}
	const qs = params.getAll('q');
	if (qs.length > 1) errors.push({ parameter: 'q', message: 'give q once' });
	const q = (qs[0] ?? '').trim();
	if (q.length > MAX_Q_LENGTH) errors.push({ parameter: 'q', message: `longer than ${MAX_Q_LENGTH} characters` });
	else f.q = q;
	return errors.length ? { ok: false, errors } : { ok: true, filters: f };
}

/** Serialise filters to URL parameters in a fixed order, leaving out what is empty, so equal filters give equal URLs. */
export function serializeFilters(f: Filters): URLSearchParams {
	const p = new URLSearchParams();
	for (const key of FILTER_PARAMS) {
		const v = f[key];
		if (Array.isArray(v)) {
			if (v.length) p.set(key, [...v].sort().join(','));
		} else if (v !== null && v !== '') p.set(key, String(v));
	}
	return p;
}

export function filtersQuery(f: Filters): string {
	const s = serializeFilters(f).toString();
	return s ? `?${s}` : '';
}

export function isEmptyFilter(f: Filters): boolean {
	return serializeFilters(f).toString() === '';
}
