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
		const store = await part('store', log, runStoreBench({...size, log}));
		rows.push(...(store ?? []));
	}

	if (only !== 'store') {
		const sizes = quick ? pipelineSizes.quick : pipelineSizes.full;
		const report = await part('pipeline', log, runPipelineBench(sizes, log));
		rows.push(...(report?.rows ?? []));
	}

	const json = argv.includes('--json');
	process.stdout.write(`${json ? formatJson(rows) : formatTable(rows)}\n`);
}

/** One part failing still leaves the other's figures; the exit code is 1. */
async function part<T>(
	name: string,
	log: (line: string) => void,
	running: Promise<T>,
): Promise<T | undefined> {
	try {
		return await running;
	} catch (error) {
		const message = error instanceof Error ? error.message : String(error);
		log(`the ${name} bench failed: ${message.split('\n')[0]}`);
		process.exitCode = 1;
		return undefined;
	}
}

try {
	await main();
} catch (error) {
	const message = error instanceof Error ? error.message : String(error);
	process.stderr.write(`bench: ${message.split('\n')[0]}\n`);
	process.exitCode = 1;
}
