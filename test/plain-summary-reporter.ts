import type {Reporter, TestModule} from 'vitest/node';

/**
 * Ends the run with one plain line, `N passed, N failed, N skipped`, that
 * any log reader can find without knowing vitest's own layout.
 */
export default class PlainSummaryReporter implements Reporter {
	onTestRunEnd(testModules: readonly TestModule[]): void {
		const counts = {passed: 0, failed: 0, skipped: 0};
		for (const module of testModules) {
			for (const test of module.children.allTests()) {
				const {state} = test.result();
				if (state === 'passed' || state === 'failed' || state === 'skipped') {
					counts[state] += 1;
				}
			}
		}

		process.stdout.write(
			`\n${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped\n`,
		);
	}
}
