import {describe, expect, it} from 'vitest';
import {runPipelineBench} from '../../source/bench/pipeline-bench.js';

// Runs every code path of the bench on tiny sizes. It proves the bench
// works; the figures it prints are for `npm run bench`, not for here.
describe('the pipeline bench', () => {
	it('measures every part and names every figure', async () => {
		const report = await runPipelineBench({
			partEvents: 2000,
			writerEvents: 2000,
			storedEvents: 3000,
			endToEndEvents: 3000,
			baselineMs: 200,
			latencyRate: 200,
			latencySeconds: 0.5,
		});

		expect(report.rows.length).toBeGreaterThan(15);
		for (const figure of report.rows) {
			expect(Number.isFinite(figure.value), figure.metric).toBe(true);
			expect(figure.value, figure.metric).toBeGreaterThanOrEqual(0);
		}

		expect(report.empty.events).toBe(3000);
		expect(report.loaded.keyPresses).toBeGreaterThan(0);
		expect(report.empty.peakRssMb).toBeGreaterThan(0);
	}, 60_000);
});
