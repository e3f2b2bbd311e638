// First, so React loads the build the monitor runs (see ui-process.ts).
import '../modes/ui-process.js';
import {runFirehose, runLatency} from './end-to-end.js';

/**
 * Runs one end-to-end measurement in a fresh process, so its memory and
 * CPU figures are those of scoretop alone (main thread, worker and UI),
 * not of the bench that started it. Prints the result as one JSON line.
 */
export type EndToEndJob =
	| {kind: 'firehose'; dbFile: string; events: number; stored: number}
	| {kind: 'latency'; dbFile: string; rate: number; seconds: number};

async function main(): Promise<void> {
	const job = JSON.parse(process.argv[2] ?? '{}') as EndToEndJob;
	const result =
		job.kind === 'firehose'
			? await runFirehose(job.dbFile, job.events, job.stored)
			: await runLatency(job.dbFile, job.rate, job.seconds);
	process.stdout.write(`${JSON.stringify(result)}\n`);
}

await main();
