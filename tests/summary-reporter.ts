/**
 * Prints one closing line, `N passed, N failed`, counted from vitest's own results, so that CI (and a person
 * reading a long log) sees the totals last.
 */
import type { Reporter, TestModule } from 'vitest/node';

export default class SummaryReporter implements Reporter {
	onTestRunEnd(modules: ReadonlyArray<TestModule>, errors: ReadonlyArray<unknown>) {
		let passed = 0;
		let failed = 0;
		let skipped = 0;
		for (const m of modules) {
			for (const t of m.children.allTests()) {
				const state = t.result().state;
				if (state === 'passed') passed++;
				else if (state === 'failed') failed++;
				else skipped++;
			}
			// A file that failed to load counts as a failure even though it ran no test.
			if (m.state() === 'failed' && ![...m.children.allTests()].some((t) => t.result().state === 'failed')) failed++;
		}
		failed += errors.length;
		process.stdout.write(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`);
	}
}
