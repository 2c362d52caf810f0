/**
 * The one database connection of the server, read-only. When a new build is renamed over the file, the next
 * request after the check interval opens the new file; the old connection is closed a little later so that a
 * response still streaming from it can finish.
 */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { env } from '$env/dynamic/private';
import { openAtlas, type Opened } from './open';
import { facets } from '../queries/facets';

const CHECK_EVERY_MS = 1000;
const CLOSE_OLD_AFTER_MS = 30_000;

export function databasePath(): string {
	return resolve(env.DATABASE_PATH || 'data/atlas.db');
}

let current: (Opened & { ino: number; mtimeMs: number }) | undefined;
let lastCheck = 0;

function fileId(path: string) {
	const s = statSync(path);
	return { ino: s.ino, mtimeMs: s.mtimeMs };
}

function open(): Opened & { ino: number; mtimeMs: number } {
	const path = databasePath();
	// Open (and check) first, so that a missing file is reported by openAtlas with what to run.
	const opened = openAtlas(path);
	// Build the facet index before the connection serves, so that no request pays for it.
	facets(opened.db);
	return { ...opened, ...fileId(path) };
}

/** The current connection; opens it on first use and reopens when the file was replaced. */
export function atlas(): Opened {
	const now = Date.now();
	if (!current) {
		current = open();
		lastCheck = now;
		return current;
	}
	if (now - lastCheck > CHECK_EVERY_MS) {
		lastCheck = now;
		try {
			const id = fileId(databasePath());
			if (id.ino !== current.ino || id.mtimeMs !== current.mtimeMs) {
				const next = open();
				const old = current;
				current = next;
				setTimeout(() => old.sqlite.close(), CLOSE_OLD_AFTER_MS).unref();
			}
		} catch (e) {
			// A file caught mid-replacement or broken: keep serving the last good one.
			console.error(`database check failed, keeping the open one: ${(e as Error).message}`);
		}
	}
	return current;
}
