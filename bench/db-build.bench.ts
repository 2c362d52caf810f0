/**
 * Benchmark: build a database of 100,000 synthetic engagements (budget: under 10 s on this 2-core machine).
 * Prints the time of each phase and the total. Usage: npm run bench:build [-- N]
 */
import { mkdtempSync, statSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { gazetteer } from '../src/lib/import/gazetteer';
import { readDataset } from '../src/lib/import/dataset';
import { buildDatabase } from '../src/lib/import/write';
import { hashFiles } from '../src/lib/import/version';

const n = Number(process.argv[2] ?? 100_000);
const dir = mkdtempSync(join(tmpdir(), 'atlas-bench-'));
execFileSync(process.execPath, ['--import', 'tsx', 'scripts/synth.ts', String(n), dir], { stdio: 'ignore' });

const t0 = performance.now();
const g = gazetteer();
const t1 = performance.now();
const data = readDataset(dir, g);
if (data.problems.length) throw new Error(`synthetic data has problems:\n${data.problems.slice(0, 5).map((p) => p.message).join('\n')}`);
const t2 = performance.now();
const dbPath = join(dir, 'bench.db');
buildDatabase(dbPath, data, { gazetteer: g, version: hashFiles(data.files) });
const t3 = performance.now();

const s = (a: number, b: number) => ((b - a) / 1000).toFixed(2);
console.log(`db build of ${n.toLocaleString('en-US')} synthetic engagements`);
console.log(`  load gazetteers          ${s(t0, t1)} s`);
console.log(`  parse, validate, resolve ${s(t1, t2)} s`);
console.log(`  write SQLite + FTS       ${s(t2, t3)} s`);
console.log(`  total                    ${s(t0, t3)} s   (budget 10 s: ${(t3 - t0) / 1000 < 10 ? 'within' : 'OVER'})`);
console.log(`  database size            ${(statSync(dbPath).size / 1e6).toFixed(1)} MB`);
console.log(`  peak RSS                 ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
rmSync(dir, { recursive: true, force: true });
