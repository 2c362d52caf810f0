/**
 * Byte sizes of the full downloads for the /data page. Computed once per dataset version by rendering the
 * exports and counting, a chunk per event-loop turn so that other requests keep being answered meanwhile.
 */
import { statSync } from 'node:fs';
import { emptyFilters } from '$lib/filters';
import type { Opened } from '../db/open';
import { databasePath } from '../db';
import { chunksOf } from '../queries/export';
import { csvHeader, csvRows } from './csv';
import { feature } from './geojson';
import { geojsonHead, GEOJSON_SEPARATOR, GEOJSON_TAIL } from './stream';

export interface DownloadSizes {
	version: string;
	rows: number;
	database: number;
	csv: number;
	geojson: number;
}

let cached: { version: string; sizes: Promise<DownloadSizes> } | undefined;
const bytes = (s: string) => Buffer.byteLength(s, 'utf8');
const turn = () => new Promise((r) => setImmediate(r));

async function measure(opened: Opened): Promise<DownloadSizes> {
	let rows = 0;
	let csv = bytes(csvHeader());
	const f = emptyFilters();
	let geojson = bytes(geojsonHead(opened, f, 'place')) + bytes(GEOJSON_TAIL);
	for (const chunk of chunksOf(opened.db, f)) {
		rows += chunk.length;
		for (const x of chunk) {
			csv += bytes(csvRows(x));
			geojson += bytes(JSON.stringify(feature(x, 'place')));
		}
		await turn();
	}
	if (rows > 1) geojson += (rows - 1) * bytes(GEOJSON_SEPARATOR);
	return { version: opened.version, rows, database: statSync(databasePath()).size, csv, geojson };
}

export function downloadSizes(opened: Opened): Promise<DownloadSizes> {
	if (cached?.version !== opened.version) {
		const sizes = measure(opened).catch((e) => {
			// Measure again on the next visit rather than keep a failure.
			cached = undefined;
			throw e;
		});
		cached = { version: opened.version, sizes };
	}
	return cached.sizes;
}
