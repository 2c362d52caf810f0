/**
 * Per-instance caches of serialised answers, keyed by dataset version and the request. The dataset is read-only
 * between versions, so an entry is never stale: a new version simply starts afresh. Each cache is bounded by
 * bytes, least recently used first out. Two of them: API bodies (API_CACHE_MB, default 16) and rendered pages
 * (PAGE_CACHE_MB, default 16); 0 turns one off.
 */
import { env } from '$env/dynamic/private';

/**
 * A byte-bounded LRU for one dataset version at a time. Entries hold encoded bytes, not strings: their size is
 * exact, they live outside the JavaScript heap (less garbage collection under load), and a hit is sent as is,
 * without encoding the text again.
 */
export class VersionedCache<T extends { size: number }> {
	private version = '';
	private bytes = 0;
	private entries = new Map<string, T>();
	private max: number | undefined;

	constructor(private readonly setting: string) {}

	limit(): number {
		if (this.max === undefined) {
			const mb = Number(env[this.setting] ?? '16');
			this.max = Number.isFinite(mb) && mb >= 0 ? mb * 1e6 : 16e6;
		}
		return this.max;
	}

	get(v: string, key: string): T | undefined {
		if (v !== this.version) {
			this.entries.clear();
			this.bytes = 0;
			this.version = v;
			return undefined;
		}
		const hit = this.entries.get(key);
		if (hit !== undefined) {
			// Re-insert so that Map order is least recently used first.
			this.entries.delete(key);
			this.entries.set(key, hit);
		}
		return hit;
	}

	set(v: string, key: string, value: T): void {
		if (this.limit() === 0 || value.size > this.limit() / 4) return;
		if (v !== this.version) this.get(v, key);
		this.entries.set(key, value);
		this.bytes += value.size;
		for (const [k, old] of this.entries) {
			if (this.bytes <= this.limit()) break;
			this.entries.delete(k);
			this.bytes -= old.size;
		}
	}

	stats() {
		return { entries: this.entries.size, bytes: this.bytes, maxBytes: this.limit() };
	}
}

const api = new VersionedCache<{ body: Uint8Array<ArrayBuffer>; size: number }>('API_CACHE_MB');
const utf8 = new TextEncoder();

/** The body for `key` in dataset `v`, computed (and kept) on a miss. */
export function cachedBody(v: string, key: string, compute: () => string): Uint8Array<ArrayBuffer> {
	if (api.limit() === 0) return utf8.encode(compute());
	const hit = api.get(v, key);
	if (hit) return hit.body;
	const body = utf8.encode(compute());
	api.set(v, key, { body, size: body.byteLength + key.length * 2 });
	return body;
}

/** The cache key of a request: its path and parameters in a fixed order. */
export function requestKey(url: URL): string {
	const sorted = [...url.searchParams].sort(([a, x], [b, y]) => (a === b ? (x < y ? -1 : x > y ? 1 : 0) : a < b ? -1 : 1));
	return `${url.pathname}?${new URLSearchParams(sorted)}`;
}

export function cacheStats() {
	return api.stats();
}

/** Rendered pages (and their client-side data), whole responses with their headers. */
export const pageCache = new VersionedCache<{ body: Uint8Array<ArrayBuffer>; status: number; headers: [string, string][]; size: number }>('PAGE_CACHE_MB');
