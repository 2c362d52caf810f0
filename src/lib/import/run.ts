/**
 * The two import entry points, shared by the scripts and the tests: build a database from a data folder, and
 * merge CSV files into a database. Both check everything first and write nothing when anything is wrong.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { gazetteer as sharedGazetteer, type Gazetteer } from './gazetteer';
import { readDataset, readEngagementFiles, readNetworks, readPlaceFacts, formatProblem, type FileProblem } from './dataset';
import { buildDatabase, mergeIntoDatabase, type WriteSummary } from './write';
import { hashFiles, hashText } from './version';
import type { NetworkRef } from './resolve';

export interface RunResult {
	ok: boolean;
	problems: string[];
	warnings: FileProblem[];
	summary?: WriteSummary;
	checked: number;
}

type Log = (msg: string) => void;

export function runBuild(dataDir: string, dbPath: string, opts: { log?: Log; gazetteer?: Gazetteer } = {}): RunResult {
	const g = opts.gazetteer ?? sharedGazetteer();
	const data = readDataset(resolve(dataDir), g);
	if (data.problems.length) return { ok: false, problems: data.problems.map(formatProblem), warnings: data.warnings, checked: 0 };
	opts.log?.(`${data.engagements.length} engagements checked; writing ${dbPath}`);
	const summary = buildDatabase(dbPath, data, { gazetteer: g, version: hashFiles(data.files), log: opts.log });
	return { ok: true, problems: [], warnings: data.warnings, summary, checked: data.engagements.length };
}

export function runImport(
	files: string[],
	dbPath: string,
	opts: { dryRun?: boolean; dataDir?: string; log?: Log; gazetteer?: Gazetteer } = {}
): RunResult {
	const problems: FileProblem[] = [];
	const dataDir = resolve(opts.dataDir ?? 'data');
	for (const f of files) if (!existsSync(f)) problems.push({ file: f, line: 1, column: 'file', message: 'no such file' });
	const netPath = join(dataDir, 'networks.csv');
	const placesPath = join(dataDir, 'places.csv');
	const networks = existsSync(netPath) ? readNetworks(netPath, 'data/networks.csv', problems) : [];
	const placeFacts = existsSync(placesPath) ? readPlaceFacts(placesPath, 'data/places.csv', problems) : new Map();
	const known = new Map<string, NetworkRef>(networks.map((n) => [n.slug, n]));
	if (existsSync(dbPath)) {
		try {
			const db = new Database(dbPath, { readonly: true, fileMustExist: true });
			for (const n of db.prepare('SELECT slug, name FROM networks').all() as NetworkRef[]) if (!known.has(n.slug)) known.set(n.slug, n);
			db.close();
		} catch {
			// A database that cannot be read fails below, when the merge opens it.
		}
	}
	if (problems.length) return { ok: false, problems: problems.map(formatProblem), warnings: [], checked: 0 };
	const g = opts.gazetteer ?? sharedGazetteer();
	const res = readEngagementFiles(files.map((f) => resolve(f)), { gazetteer: g, networks: known, placeFacts });
	if (res.problems.length) return { ok: false, problems: res.problems.map(formatProblem), warnings: res.warnings, checked: 0 };
	if (opts.dryRun) return { ok: true, problems: [], warnings: res.warnings, checked: res.engagements.length };
	const fileHash = hashFiles(files.map((f) => resolve(f)));
	const summary = mergeIntoDatabase(dbPath, { networks, engagements: res.engagements }, {
		gazetteer: g,
		version: (prev) => hashText(prev, fileHash),
		log: opts.log
	});
	return { ok: true, problems: [], warnings: res.warnings, summary, checked: res.engagements.length };
}
