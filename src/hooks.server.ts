import type { Handle, ServerInit } from '@sveltejs/kit';
import { building } from '$app/environment';
import { atlas, databasePath } from '$lib/server/db';
import { DatabaseProblem } from '$lib/server/db/open';

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

export const handle: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
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
};

function isEmbed(pathname: string): boolean {
	return pathname === '/embed' || pathname.startsWith('/embed/');
}
