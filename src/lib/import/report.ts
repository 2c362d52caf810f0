/** Console output shared by the build and import scripts: problems, warnings and the closing summary. */
import { formatProblem, type FileProblem } from './dataset';
import type { WriteSummary } from './write';

export function printProblems(problems: FileProblem[], out: (s: string) => void = console.error) {
	for (const p of problems) out(formatProblem(p));
}

export function printSummary(s: WriteSummary, warnings: FileProblem[], seconds: number, out: (s: string) => void = console.log) {
	out(`engagements: ${s.engagements} (${s.inserted} written${s.replaced ? `, ${s.replaced} replaced` : ''})`);
	for (const [type, n] of Object.entries(s.byType)) out(`  ${type.padEnd(24)} ${n}`);
	out(`places: ${s.places}, partners: ${s.partners}, partner countries: ${s.countries}, networks: ${s.networks}`);
	out(`warnings: ${warnings.length}`);
	for (const w of warnings.slice(0, 20)) out(`  ${formatProblem(w)}`);
	if (warnings.length > 20) out(`  ... and ${warnings.length - 20} more`);
	out(`dataset version ${s.version}, done in ${seconds.toFixed(2)} s`);
}
