import type { Handle, ServerInit } from '@sveltejs/kit';
import { building } from '$app/environment';
import { atlas, databasePath } from '$lib/server/db';
import { DatabaseProblem } from '$lib/server/db/open';
import { pageCache } from '$lib/server/response-cache';

/** Refuse to start on a missing or broken database rather than answer every request with an error. */
export const init: ServerInit = () => {
	if (building) return;
	try {
		const { version } = atlas();
		console.log(`atlas database ${databasePath()} (dataset ${version})`);
	} catch (e) {
		const msg = e instanceof DatabaseProblem ? e.message : `cannot open the database: ${(e as Error).message}`;
		console.error(`Diplomacy Atlas cannot start: ${msg}`);
		process.exit(1);
	}
};

/**
 * Pages depend only on their URL and the dataset version (no cookies, no sessions), so a rendered page can be
 * kept and served again until a new dataset arrives. The API has its own cache; downloads stream and are not kept.
 */
function pageCacheable(event: Parameters<Handle>[0]['event']): boolean {
	const p = new URL(event.request.url).pathname;
	return event.request.method === 'GET' && !p.startsWith('/api/') && !p.startsWith('/data/') && !p.startsWith('/_app/');
}

export const handle: Handle = async ({ event, resolve }) => {
	if (!pageCacheable(event)) return withHeaders(event, await resolve(event));
	const version = atlas().version;
	// The raw request URL: event.url hides /__data.json, so a page and its client-side data would share a key.
	// The origin is part of it because canonical and share links are written with it.
	const key = event.request.url;
	const hit = pageCache.get(version, key);
	if (hit) return new Response(hit.body, { status: hit.status, headers: hit.headers });
	const response = withHeaders(event, await resolve(event));
	const type = response.headers.get('content-type') ?? '';
	if (response.status !== 200 || !/^(text\/html|application\/json)/.test(type)) return response;
	const body = new Uint8Array(await response.arrayBuffer());
	const headers = [...response.headers];
	pageCache.set(version, key, { body, status: 200, headers, size: body.byteLength + key.length * 2 });
	return new Response(body, { status: 200, headers });
};

function withHeaders(event: Parameters<Handle>[0]['event'], response: Response): Response {
	const h = response.headers;
	h.set('X-Content-Type-Options', 'nosniff');
	h.set('Referrer-Policy', 'strict-origin-when-cross-origin');
	h.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=()');
	// Only /embed may be framed. kit.csp (svelte.config.js) writes the page's CSP header and has no per-route
	// setting, so frame-ancestors is appended here: `*` for /embed, 'none' elsewhere (with X-Frame-Options for
	// old browsers). API responses carry no CSP; framing JSON is harmless and X-Frame-Options covers them.
	const embeddable = isEmbed(event.url.pathname);
	const csp = h.get('content-security-policy');
	if (csp && !/frame-ancestors/.test(csp)) h.set('content-security-policy', `${csp}; frame-ancestors ${embeddable ? '*' : "'none'"}`);
	if (!embeddable) h.set('X-Frame-Options', 'DENY');
	return response;
}

function isEmbed(pathname: string): boolean {
	return pathname === '/embed' || pathname.startsWith('/embed/');
}
