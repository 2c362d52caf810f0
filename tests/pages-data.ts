/**
 * Ground truth for the page tests: the database the test server serves, opened read-only, so that every
 * expectation comes from the data rather than from numbers typed into the tests.
 */
import Database from 'better-sqlite3';
import { resolve } from 'node:path';

export function openServedDb(): Database.Database {
	return new Database(resolve(process.env.DATABASE_PATH || 'data/atlas.db'), { readonly: true, fileMustExist: true });
}

/** The text of the first <h1> of an HTML page, tags dropped and entities decoded. */
export function h1Text(html: string): string | null {
	const m = html.match(/<h1[^>]*>([\s\S]*?)<\/h1>/);
	if (!m) return null;
	return m[1]
		.replace(/<!--[\s\S]*?-->/g, '')
		.replace(/<[^>]+>/g, '')
		.replace(/&#(\d+);/g, (_, d) => String.fromCodePoint(Number(d)))
		.replace(/&#x([0-9a-f]+);/gi, (_, h) => String.fromCodePoint(parseInt(h, 16)))
		.replace(/&quot;/g, '"')
		.replace(/&#39;|&apos;/g, "'")
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&amp;/g, '&')
		.trim();
}
