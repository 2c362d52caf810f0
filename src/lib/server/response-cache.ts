/**
 * A per-instance cache of serialised API bodies, keyed by dataset version and the request's parameters.
 * The dataset is read-only between versions, so an entry is never stale: a new version simply starts a new
 * cache. Bounded by bytes (API_CACHE_MB, default 16; 0 turns it off), least recently used first out.
 * Aggregates over 100,000 engagements take tens of milliseconds in SQLite; from here they take microseconds.
 */
import { env } from '$env/dynamic/private';

let maxBytes: number | undefined;
let version = '';
let bytes = 0;
const entries = new Map<string, string>();

function limit(): number {
	if (maxBytes === undefined) {
		const mb = Number(env.API_CACHE_MB ?? '16');
		maxBytes = Number.isFinite(mb) && mb >= 0 ? mb * 1e6 : 16e6;
	}
	return maxBytes;
}

/** The body for `key` in dataset `v`, computed (and kept) on a miss. */
export function cachedBody(v: string, key: string, compute: () => string): string {
	if (limit() === 0) return compute();
	if (v !== version) {
		entries.clear();
		bytes = 0;
		version = v;
	}
	const hit = entries.get(key);
	if (hit !== undefined) {
		// Re-insert so that Map order is least recently used first.
		entries.delete(key);
		entries.set(key, hit);
		return hit;
	}
	const body = compute();
	const size = body.length * 2 + key.length * 2;
	if (size > limit() / 4) return body;
	entries.set(key, body);
	bytes += size;
	for (const [k, b] of entries) {
		if (bytes <= limit()) break;
		entries.delete(k);
		bytes -= b.length * 2 + k.length * 2;
	}
	return body;
}

/** The cache key of a request: its path and parameters in a fixed order. */
export function requestKey(url: URL): string {
	const sorted = [...url.searchParams].sort(([a, x], [b, y]) => (a === b ? (x < y ? -1 : x > y ? 1 : 0) : a < b ? -1 : 1));
	return `${url.pathname}?${new URLSearchParams(sorted)}`;
}

export function cacheStats() {
	return { entries: entries.size, bytes, maxBytes: limit() };
}
