/**
 * Helpers for /api/v1: strict parameters (400 naming the parameter and what is allowed), provenance in every
 * JSON body, and HTTP caching by dataset version (ETag, Cache-Control, 304) with CORS open to every origin.
 */
import { json } from '@sveltejs/kit';
import { parseFilters, type Filters, type ParamError } from '$lib/filters';
import type { Opened } from './db/open';
import { cachedBody, requestKey } from './response-cache';

/**
 * Bumped when the shape of an API response changes, so that an ETag never outlives the code that made it
 * even when the dataset stays the same.
 */
export const API_REVISION = '1';
export const MAX_LIMIT = 1000;
export const DEFAULT_LIMIT = 100;
export const ENGAGEMENT_FORMATS = ['json', 'csv', 'geojson'] as const;
export const PLACE_FORMATS = ['json', 'geojson'] as const;
/** Parameters of /api/v1/engagements besides the filters. */
export const ENGAGEMENT_PARAMS = ['format', 'limit', 'cursor', 'geometry'] as const;

export const ATTRIBUTION = 'Diplomacy Atlas (CC BY 4.0); place names from GeoNames (CC BY 4.0); country data from world-countries (ODbL).';
export const LICENCE_URL = 'https://creativecommons.org/licenses/by/4.0/';

const citedYear = (builtAt: string) => builtAt.slice(0, 4) || 'n.d.';

export function citation(version: string, builtAt: string): string {
	return `Diplomacy Atlas (${citedYear(builtAt)}). International engagements of U.S. cities, counties and states, dataset version ${version}. Licensed CC BY 4.0.`;
}

/** One record, cited with its stable id and link so a reader can find the exact row that was used. */
export function recordCitation(title: string, url: string, version: string, builtAt: string): string {
	return `Diplomacy Atlas (${citedYear(builtAt)}). "${title}". Dataset version ${version}. ${url}. Licensed CC BY 4.0.`;
}

/** Provenance carried by every JSON body. */
export function provenance(a: Pick<Opened, 'version' | 'builtAt' | 'licence'>) {
	return {
		dataset: { version: a.version, built_at: a.builtAt },
		licence: a.licence,
		licence_url: LICENCE_URL,
		attribution: ATTRIBUTION,
		citation: citation(a.version, a.builtAt)
	};
}

const CORS = { 'Access-Control-Allow-Origin': '*', 'Access-Control-Expose-Headers': 'ETag, Content-Disposition' };

export function etagFor(version: string): string {
	return `"${version}-${API_REVISION}"`;
}

export function cacheHeaders(version: string): Record<string, string> {
	return { ETag: etagFor(version), 'Cache-Control': 'public, max-age=300, stale-while-revalidate=60', ...CORS };
}

/** True when the request's If-None-Match names this ETag (a list, weak validators and `*` included). */
export function notModified(request: Request, version: string): boolean {
	const header = request.headers.get('if-none-match');
	if (!header) return false;
	const mine = etagFor(version);
	return header.split(',').some((t) => {
		const tag = t.trim().replace(/^W\//, '');
		return tag === '*' || tag === mine;
	});
}

export function notModifiedResponse(version: string): Response {
	return new Response(null, { status: 304, headers: cacheHeaders(version) });
}

export function badRequest(errors: ParamError[]): Response {
	return json({ error: 'bad request', errors }, { status: 400, headers: CORS });
}

export function notFound(message: string, extra: Record<string, unknown> = {}): Response {
	return json({ error: 'not found', message, ...extra }, { status: 404, headers: CORS });
}

/** A JSON response with the caching headers of the dataset version, or 304 when the client has it. */
export function cachedJson(request: Request, version: string, body: unknown): Response {
	if (notModified(request, version)) return notModifiedResponse(version);
	return json(body, { headers: cacheHeaders(version) });
}

/**
 * The usual API answer: 304 when the client has this version, else the body for this URL from the response
 * cache (computed on a miss). Call only after the parameters were validated, so errors are never cached.
 */
export function apiResponse(request: Request, url: URL, version: string, compute: () => unknown, contentType = 'application/json'): Response {
	if (notModified(request, version)) return notModifiedResponse(version);
	const body = cachedBody(version, requestKey(url), () => JSON.stringify(compute()));
	return new Response(body, { headers: { ...cacheHeaders(version), 'Content-Type': contentType } });
}

/** Preflight for scripts that send If-None-Match from another origin. */
export function preflight(): Response {
	return new Response(null, {
		status: 204,
		headers: { ...CORS, 'Access-Control-Allow-Methods': 'GET, HEAD, OPTIONS', 'Access-Control-Allow-Headers': 'If-None-Match', 'Access-Control-Max-Age': '86400' }
	});
}

/** One value of a parameter given at most once; an error when it is repeated. */
export function single(params: URLSearchParams, name: string, errors: ParamError[]): string | null {
	const all = params.getAll(name);
	if (all.length > 1) {
		errors.push({ parameter: name, message: `give ${name} once` });
		return null;
	}
	return all.length ? all[0] : null;
}

/** A parameter that must be one of a fixed set of values. */
export function choice<T extends string>(params: URLSearchParams, name: string, allowed: readonly T[], fallback: T, errors: ParamError[]): T {
	const v = single(params, name, errors);
	if (v === null) return fallback;
	if (!(allowed as readonly string[]).includes(v)) {
		errors.push({ parameter: name, message: `unknown ${name} "${v.slice(0, 40)}"`, allowed });
		return fallback;
	}
	return v as T;
}

/** A whole number in [min, max]; anything else (decimals, signs, text, out of range) is an error. */
export function wholeNumber(params: URLSearchParams, name: string, def: number, min: number, max: number, errors: ParamError[]): number {
	const v = single(params, name, errors);
	if (v === null) return def;
	if (!/^\d{1,9}$/.test(v) || Number(v) < min || Number(v) > max) {
		errors.push({ parameter: name, message: `expected a whole number from ${min} to ${max}, got "${v.slice(0, 20)}"`, allowed: [`${min}-${max}`] });
		return def;
	}
	return Number(v);
}

/**
 * Parse the filters of DESIGN.md plus the endpoint's own parameters, collecting every error at once so that a
 * client fixes a request in one round.
 */
export function parseRequest(params: URLSearchParams, own: readonly string[]): { filters: Filters | null; errors: ParamError[] } {
	const parsed = parseFilters(params, own);
	return parsed.ok ? { filters: parsed.filters, errors: [] } : { filters: null, errors: [...parsed.errors] };
}

/** Only the endpoint's own parameters: no filters. */
export function onlyParams(params: URLSearchParams, own: readonly string[]): ParamError[] {
	const errors: ParamError[] = [];
	for (const key of new Set(params.keys())) {
		if (!own.includes(key)) errors.push({ parameter: key, message: `unknown parameter "${key}"`, allowed: own });
	}
	return errors;
}

/** Opaque paging cursors: the id of the last row of the page, base64url-encoded. */
export function encodeCursor(lastId: string): string {
	return Buffer.from(lastId, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): string | null {
	if (!/^[A-Za-z0-9_-]{1,200}$/.test(cursor)) return null;
	const id = Buffer.from(cursor, 'base64url').toString('utf8');
	return /^[a-z0-9:._-]{1,120}$/.test(id) ? id : null;
}

/** Headers of a streamed download (CSV, GeoJSON, the database file). */
export function downloadHeaders(version: string, contentType: string, filename: string, disposition: 'inline' | 'attachment' = 'attachment') {
	return { ...cacheHeaders(version), 'Content-Type': contentType, 'Content-Disposition': `${disposition}; filename="${filename}"` };
}
