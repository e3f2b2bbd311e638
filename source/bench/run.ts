import {formatJson, formatTable, type BenchRow} from './bench-table.js';
import {pipelineSizes, runPipelineBench} from './pipeline-bench.js';
import {runStoreBench, storeSizes} from './store-bench.js';

/**
 * `npm run bench`: every measurement once, a table on stdout (`--json`:
 * the same rows as JSON). `--quick` runs small sizes for a smoke check;
 * `--only store` or `--only pipeline` runs one part.
 */
async function main(): Promise<void> {
	const argv = process.argv.slice(2);
	const quick = argv.includes('--quick');
	const only = argv.includes('--only') ? argv[argv.indexOf('--only') + 1] : '';
	const log = (line: string) => process.stderr.write(`bench: ${line}\n`);
	const rows: BenchRow[] = [];

	if (only !== 'pipeline') {
		const size = quick ? storeSizes.quick : storeSizes.full;
		rows.push(...(await runStoreBench({...size, log})));
	}

	if (only !== 'store') {
		const sizes = quick ? pipelineSizes.quick : pipelineSizes.full;
		rows.push(...(await runPipelineBench(sizes, log)).rows);
	}

	const json = argv.includes('--json');
	process.stdout.write(`${json ? formatJson(rows) : formatTable(rows)}\n`);
}

try {
	await main();
} catch (error) {
	const message = error instanceof Error ? error.message : String(error);
	process.stderr.write(`bench: ${message.split('\n')[0]}\n`);
	process.exitCode = 1;
}
