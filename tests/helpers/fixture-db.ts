/** Build the fixture dataset into a fresh database through the same import code the scripts use. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runBuild } from '../../src/lib/import/run';

export const FIXTURE_DATA = join(process.cwd(), 'tests/fixtures/data');
/** Cities of similar size with designed partner profiles, for the peer finder and comparison tests. */
export const PEERS_FIXTURE_DATA = join(process.cwd(), 'tests/fixtures/peers');

/** Build a fixture folder (the shared one unless told) into a fresh temporary database; returns its path. */
export function buildFixtureDb(dataDir = FIXTURE_DATA): string {
	const dir = mkdtempSync(join(tmpdir(), 'atlas-fixture-'));
	const dbPath = join(dir, 'atlas.db');
	const r = runBuild(dataDir, dbPath);
	if (!r.ok) throw new Error(`fixture build failed:\n${r.problems.join('\n')}`);
	return dbPath;
}
