import {defineConfig} from 'vitest/config';

export default defineConfig({
	test: {
		include: ['test/**/*.test.{ts,tsx}'],
		reporters: ['default', './test/plain-summary-reporter.ts'],
		testTimeout: 30_000,
		hookTimeout: 30_000,
		// Worker, CLI and tmux tests start real processes; two at a time
		// suits a two-core machine.
		maxWorkers: 2,
	},
});
