/**
 * npm run data:report: coverage of the built dataset by type, status, state, country, issue area and
 * verification, the coverage floors, and the rows whose sources are not `seen`.
 *   --all-unseen   list every such row (default: the first 40)
 */
import { resolve } from 'node:path';
import { sql } from 'drizzle-orm';
import { openAtlas } from '../src/lib/server/db/open';
import { coverage } from '../src/lib/server/queries/coverage';
import { floors } from '../src/lib/server/queries/floors';

const dbPath = resolve(process.env.DATABASE_PATH ?? 'data/atlas.db');
const { db, version } = openAtlas(dbPath);
const c = coverage(db);
const table = (title: string, rows: { key: string | null; n: number }[]) => {
	console.log(`\n${title}`);
	for (const r of rows) console.log(`  ${String(r.key ?? '(none)').padEnd(28)} ${String(r.n).padStart(6)}`);
};
console.log(`Diplomacy Atlas dataset ${version}: ${c.engagements} engagements, ${c.places} U.S. places, ${c.countries} partner countries`);
table('by type', c.byType);
table('by status', c.byStatus);
table('by issue area', c.byIssue);
table('by verification (best source of each engagement)', c.byVerification);
table('by lead place kind', c.byKind);
table('by state (all engagements led by places in the state)', db.all(sql`SELECT lead_state key, count(*) n FROM engagements GROUP BY lead_state ORDER BY lead_state`) as { key: string; n: number }[]);
table('state-level engagements by state', c.statesWithStateLevel);
table('top 30 partner countries', db.all(sql`SELECT partner_country key, count(*) n FROM engagements WHERE partner_country IS NOT NULL GROUP BY partner_country ORDER BY n DESC LIMIT 30`) as { key: string; n: number }[]);

console.log('\ncoverage floors');
const fl = floors(db);
for (const f of fl) console.log(`  ${f.ok ? 'ok  ' : 'SHORT'} ${f.name.padEnd(52)} ${String(f.actual)} (wanted ${f.wanted})`);

const unseen = db.all(sql`SELECT e.id, e.source_file file, e.source_line line, group_concat(s.verification) v FROM engagements e
	JOIN sources s ON s.engagement_pk = e.pk GROUP BY e.pk HAVING sum(s.verification = 'seen') = 0 ORDER BY e.source_file, e.source_line`) as { id: string; file: string; line: number; v: string }[];
console.log(`\nengagements without a seen source: ${unseen.length}`);
const all = process.argv.includes('--all-unseen');
for (const u of all ? unseen : unseen.slice(0, 40)) console.log(`  ${u.file}:${u.line} ${u.id} (${u.v})`);
if (!all && unseen.length > 40) console.log(`  ... ${unseen.length - 40} more (--all-unseen lists them)`);
