/**
 * npm run import -- FILE.csv [FILE2.csv ...] [--dry-run]: validate CSV files in the data format and merge them
 * into DATABASE_PATH (default data/atlas.db). An id already in the database is replaced. Networks come from
 * data/networks.csv and the database; place facts from data/places.csv.
 */
import { resolve, join } from 'node:path';
import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { gazetteer } from '../src/lib/import/gazetteer';
import { readEngagementFiles, readNetworks, readPlaceFacts, type FileProblem } from '../src/lib/import/dataset';
import { mergeIntoDatabase } from '../src/lib/import/write';
import { hashFiles, hashText } from '../src/lib/import/version';
import { printProblems, printSummary } from '../src/lib/import/report';
import type { NetworkRef } from '../src/lib/import/resolve';

const args = process.argv.slice(2);
const dryRun = args.includes('--dry-run');
const files = args.filter((a) => !a.startsWith('--'));
if (files.length === 0) {
	console.error('usage: npm run import -- FILE.csv [FILE2.csv ...] [--dry-run]');
	process.exit(2);
}
const dbPath = resolve(process.env.DATABASE_PATH ?? 'data/atlas.db');
const dataDir = resolve('data');
const t0 = performance.now();
const problems: FileProblem[] = [];
for (const f of files) {
	if (!existsSync(f)) problems.push({ file: f, line: 1, column: 'file', message: 'no such file' });
}
const networks = existsSync(join(dataDir, 'networks.csv')) ? readNetworks(join(dataDir, 'networks.csv'), 'data/networks.csv', problems) : [];
const placeFacts = existsSync(join(dataDir, 'places.csv')) ? readPlaceFacts(join(dataDir, 'places.csv'), 'data/places.csv', problems) : new Map();
const known = new Map<string, NetworkRef>(networks.map((n) => [n.slug, n]));
if (existsSync(dbPath)) {
	try {
		const db = new Database(dbPath, { readonly: true, fileMustExist: true });
		for (const n of db.prepare('SELECT slug, name FROM networks').all() as NetworkRef[]) if (!known.has(n.slug)) known.set(n.slug, n);
		db.close();
	} catch {
		// A database we cannot read is reported when the merge opens it.
	}
}
const g = gazetteer();
const res = problems.length ? { engagements: [], problems: [], warnings: [] } : readEngagementFiles(files.map((f) => resolve(f)), { gazetteer: g, networks: known, placeFacts });
problems.push(...res.problems);
if (problems.length > 0) {
	printProblems(problems);
	console.error(`\n${problems.length} problem(s); ${dryRun ? 'nothing would be imported' : `${dbPath} was not changed`}.`);
	process.exit(1);
}
if (dryRun) {
	console.log(`${res.engagements.length} engagements in ${files.length} file(s) are valid (dry run: ${dbPath} not changed).`);
	for (const w of res.warnings) console.log(`warning: ${w.file}:${w.line}: ${w.column}: ${w.message}`);
	process.exit(0);
}
try {
	const fileHash = hashFiles(files.map((f) => resolve(f)));
	const summary = mergeIntoDatabase(dbPath, { networks, engagements: res.engagements }, {
		gazetteer: g,
		version: (prev) => hashText(prev, fileHash),
		log: (m) => console.log(m)
	});
	printSummary(summary, res.warnings, (performance.now() - t0) / 1000);
} catch (e) {
	console.error(`import failed: ${(e as Error).message}; ${dbPath} was not changed.`);
	process.exit(1);
}
