/** Helpers for /api/v1: JSON with provenance, 400s that name the parameter, and caching by dataset version. */
import { json } from '@sveltejs/kit';
import type { ParamError } from '$lib/filters';

export function badRequest(errors: ParamError[]): Response {
	return json({ error: 'bad request', errors }, { status: 400, headers: { 'Access-Control-Allow-Origin': '*' } });
}

/** A JSON response that carries the dataset version as ETag and answers 304 to a matching If-None-Match. */
export function cachedJson(request: Request, version: string, body: unknown): Response {
	const etag = `"${version}"`;
	const headers = {
		ETag: etag,
		'Cache-Control': 'public, max-age=300',
		'Access-Control-Allow-Origin': '*'
	};
	if (request.headers.get('if-none-match') === etag) return new Response(null, { status: 304, headers });
	return json(body, { headers });
}
