/**
 * npm run db:build: rebuild DATABASE_PATH (default data/atlas.db) from data/. Reports every bad row as
 * FILE:LINE: column: message and exits non-zero without touching the existing database.
 *   --data DIR   read another data folder (tests, benchmarks)
 */
import { resolve } from 'node:path';
import { gazetteer } from '../src/lib/import/gazetteer';
import { runBuild } from '../src/lib/import/run';
import { printSummary } from '../src/lib/import/report';

const args = process.argv.slice(2);
const dataIdx = args.indexOf('--data');
const dataDir = resolve(dataIdx >= 0 ? args[dataIdx + 1] : 'data');
const dbPath = resolve(process.env.DATABASE_PATH ?? 'data/atlas.db');
const t0 = performance.now();

console.log(`reading ${dataDir}`);
const g = gazetteer();
console.log(`gazetteers loaded in ${((performance.now() - t0) / 1000).toFixed(2)} s`);
try {
	const r = runBuild(dataDir, dbPath, { gazetteer: g, log: (m) => console.log(m) });
	if (!r.ok) {
		for (const p of r.problems) console.error(p);
		console.error(`\n${r.problems.length} problem(s); ${dbPath} was not changed.`);
		process.exit(1);
	}
	printSummary(r.summary!, r.warnings, (performance.now() - t0) / 1000);
} catch (e) {
	console.error(`build failed: ${(e as Error).message}; ${dbPath} was not changed.`);
	process.exit(1);
}
