/**
 * npm run db:build: rebuild DATABASE_PATH (default data/atlas.db) from data/. Reports every bad row and exits
 * non-zero without touching the existing database.
 *   --data DIR   read another data folder (tests, benchmarks)
 */
import { resolve } from 'node:path';
import { gazetteer } from '../src/lib/import/gazetteer';
import { readDataset } from '../src/lib/import/dataset';
import { buildDatabase } from '../src/lib/import/write';
import { hashFiles } from '../src/lib/import/version';
import { printProblems, printSummary } from '../src/lib/import/report';

const args = process.argv.slice(2);
const dataIdx = args.indexOf('--data');
const dataDir = resolve(dataIdx >= 0 ? args[dataIdx + 1] : 'data');
const dbPath = resolve(process.env.DATABASE_PATH ?? 'data/atlas.db');
const t0 = performance.now();

console.log(`reading ${dataDir}`);
const g = gazetteer();
console.log(`gazetteer loaded in ${((performance.now() - t0) / 1000).toFixed(2)} s`);
const data = readDataset(dataDir, g);
if (data.problems.length > 0) {
	printProblems(data.problems);
	console.error(`\n${data.problems.length} problem(s); ${dbPath} was not changed.`);
	process.exit(1);
}
console.log(`${data.engagements.length} engagements checked; writing ${dbPath}`);
try {
	const summary = buildDatabase(dbPath, data, { gazetteer: g, version: hashFiles(data.files), log: (m) => console.log(m) });
	printSummary(summary, data.warnings, (performance.now() - t0) / 1000);
} catch (e) {
	console.error(`build failed: ${(e as Error).message}; ${dbPath} was not changed.`);
	process.exit(1);
}
