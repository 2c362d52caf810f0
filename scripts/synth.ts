/**
 * npm run synth -- N OUT_DIR: write N synthetic engagements in the data format to OUT_DIR/engagements/synthetic.csv
 * (and a networks.csv), for benchmarks. Every row is marked: id `synthetic:…`, an example.org source, verification
 * `unverified`. Names are real gazetteer entries so that the rows resolve like real ones. Never write into data/.
 */
import { mkdirSync, writeFileSync, createWriteStream } from 'node:fs';
import { join, resolve } from 'node:path';
import { gazetteer } from '../src/lib/import/gazetteer';
import { STATES } from '../src/lib/states';
import { TYPES, ISSUE_IDS, STATUS_IDS } from '../src/lib/taxonomy';
import { csvField } from '../src/lib/import/csv';
import { ENGAGEMENT_COLUMNS } from '../src/lib/import/columns';
import { placesForSynth } from '../src/lib/import/synth-pool';

const [nArg, outArg] = process.argv.slice(2);
const n = Number(nArg);
if (!Number.isInteger(n) || n < 1 || !outArg) {
	console.error('usage: npm run synth -- N OUT_DIR   (N a positive whole number)');
	process.exit(2);
}
const out = resolve(outArg);
if (out === resolve('data') || out.startsWith(resolve('data') + '/')) {
	console.error('refusing to write synthetic rows into data/: choose another folder');
	process.exit(2);
}
mkdirSync(join(out, 'engagements'), { recursive: true });
const NETWORKS = 60;
writeFileSync(
	join(out, 'networks.csv'),
	'slug,name,url,issue_areas,summary,founded\n' +
		Array.from({ length: NETWORKS }, (_, k) => `synthetic-${k},Synthetic Network ${k},https://example.org/network/${k},climate_environment,Synthetic network for benchmarks.,2000\n`).join('')
);

const g = gazetteer();
const pool = placesForSynth(g);
const places = [...STATES.map((s) => s.code), ...pool.us];
if (n > places.length * NETWORKS) throw new Error(`at most ${places.length * NETWORKS} synthetic rows can be unique`);
// A small deterministic generator, so that the same N always gives the same file.
let seed = 42;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const pick = <T>(a: readonly T[]): T => a[Math.floor(rand() * a.length)];

const file = createWriteStream(join(out, 'engagements', 'synthetic.csv'));
file.write(ENGAGEMENT_COLUMNS.join(',') + '\n');
for (let i = 0; i < n; i++) {
	const type = pick(TYPES).id;
	// Place i mod P with partner (or network) floor(i / P): every pair is distinct, so no row is a duplicate tie.
	const place = places[i % places.length];
	const round = Math.floor(i / places.length);
	const partner = pool.foreign[(round * 997 + i) % pool.foreign.length];
	const isNet = type === 'network_membership';
	const year = 1950 + Math.floor(rand() * 76);
	const row: Record<string, string> = {
		id: `synthetic:${i}`,
		place,
		type,
		partner_kind: isNet ? 'network' : 'city',
		partner: isNet ? '' : partner.name,
		partner_country: isNet ? '' : partner.country,
		partner_geonames_id: isNet ? '' : String(partner.geonameId),
		network: isNet ? `synthetic-${round % NETWORKS}` : '',
		title: `Synthetic engagement ${i}`,
		summary: 'Synthetic row for benchmarks; not a real engagement.',
		start_date: String(year),
		status: pick(STATUS_IDS),
		issue_areas: [...new Set([pick(ISSUE_IDS), pick(ISSUE_IDS)])].join(';'),
		source_url: `https://example.org/synthetic/${i}`,
		source_kind: 'survey',
		verification: 'unverified'
	};
	file.write(ENGAGEMENT_COLUMNS.map((c) => csvField(row[c] ?? '')).join(',') + '\n');
	if ((i + 1) % 50000 === 0) console.log(`wrote ${i + 1} of ${n}`);
}
file.end(() => console.log(`${n} synthetic engagements in ${join(out, 'engagements', 'synthetic.csv')}`));
