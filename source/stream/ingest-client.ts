import {EventEmitter} from 'node:events';
import {Worker} from 'node:worker_threads';
import {compiledFile} from './compiled-file.js';
import type {IngestConfig, MainMessage, WorkerMessage} from './messages.js';
import {describeThrown} from './thrown.js';

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
			maxBatch: 4000,
			postIntervalMs: 100,
			...withoutUndefined(options),
		};
		delete (config as IngestOptions).onWorkerOutput;

		this.worker = new Worker(
			compiledFile('ingest-worker.js', import.meta.url),
			{
				workerData: config,
				stdout: true,
				stderr: true,
				resourceLimits: {maxYoungGenerationSizeMb: 8},
			},
		);
		routeOutput(this.worker, options.onWorkerOutput);
		this.worker.on('message', (message: WorkerMessage) => {
			this.emit('message', message);
		});
		// A worker may throw anything, not only an Error.
		this.worker.on('error', (error: unknown) => {
			const message = describeThrown(error, 'the ingest worker failed');
			this.emit('message', {type: 'failed', message});
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
