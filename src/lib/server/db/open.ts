/**
 * Open an atlas database read-only and check that it is one: the file exists, is SQLite, and has the schema and
 * the metadata the build writes. Each failure names itself and what to run, so a bad deploy stops at start
 * instead of serving errors.
 */
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { existsSync, statSync } from 'node:fs';
import * as schema from './schema';

export type AtlasDb = ReturnType<typeof drizzle<typeof schema>>;

export interface Opened {
	sqlite: Database.Database;
	db: AtlasDb;
	version: string;
	builtAt: string;
	licence: string;
}

const REQUIRED_TABLES = ['meta', 'places', 'partners', 'networks', 'countries', 'engagements', 'engagement_places', 'engagement_issues', 'sources', 'engagements_fts'];

export class DatabaseProblem extends Error {}

export function openAtlas(path: string): Opened {
	const fix = 'run `npm run db:build` to build it from data/';
	if (!existsSync(path)) throw new DatabaseProblem(`database ${path} is missing; ${fix}`);
	if (statSync(path).size === 0) throw new DatabaseProblem(`database ${path} is empty (0 bytes); ${fix}`);
	let sqlite: Database.Database;
	try {
		sqlite = new Database(path, { readonly: true, fileMustExist: true });
		sqlite.pragma('query_only = ON');
		sqlite.prepare('SELECT count(*) FROM sqlite_master').get();
	} catch (e) {
		throw new DatabaseProblem(`database ${path} is not a readable SQLite file (${(e as Error).message}); ${fix}`);
	}
	const tables = new Set(
		(sqlite.prepare("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')").all() as { name: string }[]).map((r) => r.name)
	);
	const missing = REQUIRED_TABLES.filter((t) => !tables.has(t));
	if (missing.length) {
		sqlite.close();
		throw new DatabaseProblem(`database ${path} has the wrong schema (missing ${missing.join(', ')}); ${fix}`);
	}
	const meta = new Map((sqlite.prepare('SELECT key, value FROM meta').all() as { key: string; value: string }[]).map((r) => [r.key, r.value]));
	const version = meta.get('dataset_version');
	if (!version) {
		sqlite.close();
		throw new DatabaseProblem(`database ${path} was not finished by the build (no dataset version); ${fix}`);
	}
	return { sqlite, db: drizzle(sqlite, { schema }), version, builtAt: meta.get('built_at') ?? '', licence: meta.get('licence') ?? '' };
}
