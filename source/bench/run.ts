import {formatJson, formatTable} from './bench-table.js';
import {pipelineSizes, runPipelineBench} from './pipeline-bench.js';
import {runStoreBench, storeSizes} from './store-bench.js';

/**
 * `npm run bench`: every measurement once, a table on stdout (`--json`:
 * the same figures as JSON). `--quick` runs small sizes for a smoke check.
 */
async function main(): Promise<void> {
	const argv = process.argv.slice(2);
	const quick = argv.includes('--quick');
	const sizes = quick ? pipelineSizes.quick : pipelineSizes.full;
	const log = (line: string) => process.stderr.write(`bench: ${line}\n`);

	// `--only store`: the store's figures alone, from store-bench.ts.
	if (argv[argv.indexOf('--only') + 1] === 'store') {
		const size = quick ? storeSizes.quick : storeSizes.full;
		const rows = await runStoreBench({...size, log});
		const json = argv.includes('--json');
		process.stdout.write(`${json ? formatJson(rows) : formatTable(rows)}\n`);
		return;
	}

	const pipeline = await runPipelineBench(sizes, log);
	if (argv.includes('--json')) {
		process.stdout.write(`${JSON.stringify({pipeline}, null, 2)}\n`);
		return;
	}

	for (const figure of pipeline.figures) {
		const value = figure.value.toLocaleString('en-US', {
			maximumFractionDigits: figure.value < 10 ? 2 : 0,
		});
		const target = figure.target
			? `${figure.target} ${figure.met ? 'met' : 'MISSED'}`
			: '';
		process.stdout.write(
			`${figure.name.padEnd(48)} ${value.padStart(12)} ${figure.unit.padEnd(9)} ${target}\n`,
		);
	}
}

try {
	await main();
} catch (error) {
	const message = error instanceof Error ? error.message : String(error);
	process.stderr.write(`bench: ${message.split('\n')[0]}\n`);
	process.exitCode = 1;
}
