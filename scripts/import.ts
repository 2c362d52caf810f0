/**
 * npm run import -- FILE.csv [FILE2.csv ...] [--dry-run]: validate CSV files in the data format and merge them
 * into DATABASE_PATH (default data/atlas.db); an id already there is replaced. Networks come from
 * data/networks.csv and the database, place facts from data/places.csv. Any problem: every one is reported as
 * FILE:LINE: column: message, the exit code is 1 and the database is not changed.
 */
import { resolve } from 'node:path';
import { runImport } from '../src/lib/import/run';
import { printSummary } from '../src/lib/import/report';

const args = process.argv.slice(2);
const dryRun = args.includes('--dry-run');
const unknown = args.filter((a) => a.startsWith('--') && a !== '--dry-run');
const files = args.filter((a) => !a.startsWith('--'));
if (files.length === 0 || unknown.length) {
	if (unknown.length) console.error(`unknown option ${unknown.join(', ')}`);
	console.error('usage: npm run import -- FILE.csv [FILE2.csv ...] [--dry-run]');
	process.exit(2);
}
const dbPath = resolve(process.env.DATABASE_PATH ?? 'data/atlas.db');
const t0 = performance.now();
try {
	const r = runImport(files, dbPath, { dryRun, log: (m) => console.log(m) });
	if (!r.ok) {
		for (const p of r.problems) console.error(p);
		console.error(`\n${r.problems.length} problem(s); ${dryRun ? 'nothing would be imported' : `${dbPath} was not changed`}.`);
		process.exit(1);
	}
	if (dryRun) {
		console.log(`${r.checked} engagements in ${files.length} file(s) are valid (dry run: ${dbPath} not changed).`);
		for (const w of r.warnings) console.log(`warning: ${w.file}:${w.line}: ${w.column}: ${w.message}`);
	} else printSummary(r.summary!, r.warnings, (performance.now() - t0) / 1000);
} catch (e) {
	console.error(`import failed: ${(e as Error).message}; ${dbPath} was not changed.`);
	process.exit(1);
}
