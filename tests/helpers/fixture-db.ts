/** Build the fixture dataset into a fresh database through the same import code the scripts use. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runBuild } from '../../src/lib/import/run';

export const FIXTURE_DATA = join(process.cwd(), 'tests/fixtures/data');

export function buildFixtureDb(): string {
	const dir = mkdtempSync(join(tmpdir(), 'atlas-fixture-'));
	const dbPath = join(dir, 'atlas.db');
	const r = runBuild(FIXTURE_DATA, dbPath);
	if (!r.ok) throw new Error(`fixture build failed:\n${r.problems.join('\n')}`);
	return dbPath;
}
