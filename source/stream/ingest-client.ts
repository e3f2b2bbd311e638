import {EventEmitter} from 'node:events';
import fs from 'node:fs';
import {fileURLToPath} from 'node:url';
import {Worker} from 'node:worker_threads';
import type {IngestConfig, MainMessage, WorkerMessage} from './messages.js';

export type IngestOptions = Pick<IngestConfig, 'url' | 'source' | 'dbFile'> &
	Partial<Omit<IngestConfig, 'url' | 'source' | 'dbFile'>> & {
		/** Where the worker's own stdout and stderr go (default: dropped). */
		onWorkerOutput?: (line: string) => void;
	};

export type IngestEvents = {
	message: [WorkerMessage];
	exit: [code: number];
};

/**
 * The main thread's handle on the ingest worker. Messages arrive as events;
 * stop() asks the worker to commit and close, and resolves when it has.
 */
export class IngestClient extends EventEmitter<IngestEvents> {
	private readonly worker: Worker;
	private readonly exited: Promise<number>;

	constructor(options: IngestOptions) {
		super();
		const config: IngestConfig = {
			stallTimeoutMs: 45_000,
			flushIntervalMs: 50,
			maxBatch: 4000,
			postIntervalMs: 100,
			...withoutUndefined(options),
		};
		delete (config as IngestOptions).onWorkerOutput;

		this.worker = new Worker(workerFile(), {
			workerData: config,
			stdout: true,
			stderr: true,
			resourceLimits: {maxYoungGenerationSizeMb: 8},
		});
		routeOutput(this.worker, options.onWorkerOutput);
		this.worker.on('message', (message: WorkerMessage) => {
			this.emit('message', message);
		});
		// A worker may throw anything, not only an Error.
		this.worker.on('error', (error: unknown) => {
			this.emit('message', {type: 'failed', message: describeThrown(error)});
		});
		this.exited = new Promise((resolve) => {
			this.worker.once('exit', (code) => {
				this.emit('exit', code);
				resolve(code);
			});
		});
	}

	/** Asks the worker to commit and close; resolves once it has exited. */
	async stop(): Promise<number> {
		const message: MainMessage = {type: 'stop'};
		this.worker.postMessage(message);
		return this.exited;
	}

	async terminate(): Promise<void> {
		await this.worker.terminate();
	}
}

/**
 * The worker runs compiled JavaScript; under the test runner this module is
 * loaded from source/, so look for the build beside it in dist/.
 */
function workerFile(): URL {
	const beside = new URL('ingest-worker.js', import.meta.url);
	if (fs.existsSync(fileURLToPath(beside))) {
		return beside;
	}

	return new URL('../../dist/stream/ingest-worker.js', import.meta.url);
}

function routeOutput(
	worker: Worker,
	sink: ((line: string) => void) | undefined,
): void {
	for (const stream of [worker.stdout, worker.stderr]) {
		stream.setEncoding('utf8');
		stream.on('data', (text: string) => {
			for (const line of text.split('\n')) {
				if (line !== '') {
					sink?.(line);
				}
			}
		});
	}
}

function withoutUndefined<T extends object>(value: T): T {
	return Object.fromEntries(
		Object.entries(value).filter(([, entry]) => entry !== undefined),
	) as T;
}

/** One line for whatever a worker threw: an Error, a string, or else. */
export function describeThrown(thrown: unknown): string {
	const message =
		thrown instanceof Error
			? thrown.message
			: typeof thrown === 'string'
				? thrown
				: (thrown as {message?: unknown} | undefined)?.message;
	const line = typeof message === 'string' ? message.split('\n')[0] : '';
	if (line) {
		return `the ingest worker failed: ${line.trim()}`;
	}

	return `the ingest worker failed (${describeValue(thrown)})`;
}

function describeValue(thrown: unknown): string {
	if (thrown instanceof Error) {
		return thrown.name;
	}

	try {
		return String(thrown).split('\n')[0]!.slice(0, 200);
	} catch {
		return typeof thrown;
	}
}
