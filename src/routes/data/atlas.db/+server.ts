/**
 * /data/atlas.db: the SQLite database itself, streamed from DATABASE_PATH. The file is opened once per request,
 * so a new build renamed over it mid-download does not mix two versions: the open descriptor keeps the old file.
 */
import type { RequestHandler } from './$types';
import { open } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { atlas, databasePath } from '$lib/server/db';
import { badRequest, downloadHeaders, notModified, notModifiedResponse, onlyParams } from '$lib/server/api';

export const GET: RequestHandler = async ({ url, request }) => {
	const errors = onlyParams(url.searchParams, []);
	if (errors.length) return badRequest(errors);
	const { version } = atlas();
	if (notModified(request, version)) return notModifiedResponse(version);
	const handle = await open(databasePath(), 'r');
	const { size } = await handle.stat();
	const stream = handle.createReadStream({ autoClose: true });
	return new Response(Readable.toWeb(stream) as ReadableStream<Uint8Array>, {
		headers: { ...downloadHeaders(version, 'application/vnd.sqlite3', `diplomacy-atlas-${version}.db`), 'Content-Length': String(size) }
	});
};
