/**
 * Streamed downloads. Each pull of the stream reads one chunk of rows (a few synchronous queries) and hands it
 * on; Node's backpressure (adapter-node waits for 'drain') means a slow client holds at most a chunk or two in
 * memory, however large the export.
 */
import type { Filters } from '$lib/filters';
import { filtersQuery } from '$lib/filters';
import type { Opened } from '../db/open';
import { chunksOf } from '../queries/export';
import { downloadHeaders, provenance } from '../api';
import { csvHeader, csvRows } from './csv';
import { feature, type GeometryKind } from './geojson';

const encoder = new TextEncoder();

function textStream(first: string, chunks: Generator<string>, last: string): ReadableStream<Uint8Array> {
	let started = false;
	return new ReadableStream<Uint8Array>(
		{
			pull(controller) {
				if (!started) {
					started = true;
					controller.enqueue(encoder.encode(first));
					return;
				}
				const next = chunks.next();
				if (next.done) {
					if (last) controller.enqueue(encoder.encode(last));
					controller.close();
				} else controller.enqueue(encoder.encode(next.value));
			},
			cancel() {
				chunks.return(undefined);
			}
		},
		{ highWaterMark: 1 }
	);
}

function fileStem(opened: Opened, f: Filters): string {
	return `diplomacy-atlas-${opened.version}${filtersQuery(f) ? '-filtered' : ''}`;
}

export function csvStream(opened: Opened, f: Filters): Response {
	function* body() {
		for (const chunk of chunksOf(opened.db, f)) yield chunk.map(csvRows).join('');
	}
	return new Response(textStream(csvHeader(), body(), ''), {
		headers: downloadHeaders(opened.version, 'text/csv; charset=utf-8', `${fileStem(opened, f)}.csv`)
	});
}

export const GEOJSON_SEPARATOR = ',\n';
export const GEOJSON_TAIL = '\n]}\n';

export function geojsonHead(opened: Opened, f: Filters, geometry: GeometryKind): string {
	const meta = { filter: f, geometry, ...provenance(opened) };
	return `{"type":"FeatureCollection","meta":${JSON.stringify(meta)},"features":[\n`;
}

export function geojsonStream(opened: Opened, f: Filters, geometry: GeometryKind): Response {
	let first = true;
	function* body() {
		for (const chunk of chunksOf(opened.db, f)) {
			const text = chunk.map((x) => JSON.stringify(feature(x, geometry))).join(GEOJSON_SEPARATOR);
			yield (first ? '' : GEOJSON_SEPARATOR) + text;
			first = false;
		}
	}
	return new Response(textStream(geojsonHead(opened, f, geometry), body(), GEOJSON_TAIL), {
		headers: downloadHeaders(opened.version, 'application/geo+json; charset=utf-8', `${fileStem(opened, f)}-${geometry}.geojson`)
	});
}
