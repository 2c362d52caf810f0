#!/usr/bin/env node
/**
 * The fresh-clone step behind `npm start` and `npm test`: install what is missing, then rebuild the database and
 * the app only when they are missing or older than what they are built from. Uses Node built-ins only, since it
 * runs before node_modules exists.
 *   --browser   also make sure Chromium is there for the browser tests (installs Debian's package as root)
 */
import { existsSync, statSync, readdirSync } from 'node:fs';
import { execSync } from 'node:child_process';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '..');
process.chdir(root);
const args = process.argv.slice(2);
const step = (msg) => console.log(`[setup] ${msg}`);
const run = (cmd, env = {}) => execSync(cmd, { stdio: 'inherit', env: { ...process.env, ...env } });

/** Newest modification time under the given files and folders. */
function newest(paths) {
	let t = 0;
	const walk = (p) => {
		if (!existsSync(p)) return;
		const s = statSync(p);
		if (s.isDirectory()) {
			for (const f of readdirSync(p)) if (f !== 'node_modules' && !f.startsWith('.')) walk(join(p, f));
		} else if (!/\.db$|\.db-|\.tmp-/.test(p)) t = Math.max(t, s.mtimeMs);
	};
	paths.forEach(walk);
	return t;
}
const mtime = (p) => (existsSync(p) ? statSync(p).mtimeMs : 0);

// 1. Dependencies: npm ci when node_modules is missing or older than the lock file.
if (!existsSync('node_modules/.package-lock.json') || mtime('package-lock.json') > mtime('node_modules/.package-lock.json')) {
	step('installing dependencies (npm ci; better-sqlite3 compiles, about two minutes)');
	run('npm ci --no-audit --no-fund');
}

// 2. Chromium for the browser tests.
if (args.includes('--browser')) {
	const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
	if (!existsSync(chromium)) {
		if (process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
			step('installing Chromium from Debian packages for the browser tests');
			run('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium');
		} else {
			console.error(`[setup] Chromium is missing at ${chromium}: install it (Debian: apt-get install chromium) or set CHROMIUM_PATH.`);
			process.exit(1);
		}
	}
}

// 3. The database, when missing or older than data/, the importer or the migrations.
const dbPath = resolve(process.env.DATABASE_PATH || 'data/atlas.db');
if (mtime(dbPath) < newest(['data', 'src/lib/import', 'src/lib/taxonomy.ts', 'src/lib/states.ts', 'drizzle', 'package-lock.json']) || !existsSync(dbPath)) {
	step(`building the database ${dbPath} from data/`);
	run('npx tsx scripts/db-build.ts');
}

// 4. The app, when missing or older than its sources.
if (mtime('build/index.js') < newest(['src', 'static', 'svelte.config.js', 'vite.config.ts', 'package-lock.json'])) {
	step('building the app');
	run('npx vite build --logLevel warn');
}
step('ready');
