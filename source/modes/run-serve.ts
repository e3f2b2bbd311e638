import {serve, type ServerType} from '@hono/node-server';
import type {Database} from 'better-sqlite3';
import {RuntimeError} from '../errors.js';
import {ingestTarget, type ResolvedSource} from '../resolve-source.js';
import {createApi} from '../serve/api.js';
import {healthBody} from '../serve/health.js';
import {openReader} from '../store/database.js';
import {Queries} from '../store/queries.js';
import {
	describeState,
	type ConnectionState,
} from '../stream/connection-state.js';
import {IngestClient} from '../stream/ingest-client.js';
import type {Counters, WorkerMessage} from '../stream/messages.js';

export type ServeOptions = {
	resolved: ResolvedSource;
	stallTimeoutMs: number;
	port: number;
	host: string;
	log: (line: string) => void;
	/** Called once the API listens, with its address (tests use port 0). */
	onListening?: (url: string) => void;
};

type Live = {state: ConnectionState; counters?: Counters; updatedAt: number};

/**
 * Ingests like the monitor and answers HTTP reads over its own read-only
 * connection. A stream that fails for good stops the ingest, not the API:
 * /health says so and the stored scores stay readable. A signal stops both.
 */
export async function runServe(options: ServeOptions): Promise<void> {
	const {resolved, log} = options;
	const client = new IngestClient({
		...ingestTarget(resolved),
		stallTimeoutMs: options.stallTimeoutMs,
		onWorkerOutput: log,
	});
	// Starts as nothing known, so the first state is logged like the rest.
	const live: Live = {
		state: {kind: 'closed', reason: 'not started', fatal: false},
		updatedAt: Date.now(),
	};

	let db: Database | undefined;
	let server: ServerType | undefined;
	try {
		track(live, await firstUpdate(client), log);
		client.on('message', (message) => {
			track(live, message, log);
		});

		db = openReader(resolved.dbFile);
		const queries = new Queries(db);
		const app = createApi({
			queries,
			health: () => healthBody(queries, live.state, live.counters),
		});
		server = await listen(app.fetch, options);
		await untilSignal();
	} finally {
		// Stop everything this run started, also when the port was taken.
		if (server) {
			await closeServer(server);
		}

		// The reader goes first: SQLite removes the WAL only when the last
		// connection to close can write, which the worker's can.
		db?.close();
		await client.stop();
		await resolved.server?.close();
	}
}

/** The worker has opened (and if need be created) the file once it speaks. */
async function firstUpdate(client: IngestClient): Promise<WorkerMessage> {
	const message = await new Promise<WorkerMessage>((resolve) => {
		client.once('message', resolve);
	});
	if (message.type === 'failed') {
		throw new RuntimeError(message.message);
	}

	return message;
}

function track(
	live: Live,
	message: WorkerMessage,
	log: (line: string) => void,
) {
	if (message.type === 'failed') {
		log(`scoretop: ingest failed: ${message.message}`);
		live.state = {kind: 'closed', reason: message.message, fatal: true};
		return;
	}

	if (message.type === 'update') {
		const before = describeState(live.state, 0);
		live.state = message.state;
		if (describeState(message.state, 0) !== before) {
			log(`scoretop: ${describeState(message.state, Date.now())}`);
		}
	}

	live.counters = message.counters;
	live.updatedAt = Date.now();
}

async function listen(
	fetch: (request: Request) => Response | Promise<Response>,
	options: ServeOptions,
): Promise<ServerType> {
	return new Promise((resolve, reject) => {
		const server = serve(
			{fetch, port: options.port, hostname: options.host},
			(info) => {
				const host = info.address.includes(':')
					? `[${info.address}]`
					: info.address;
				const url = `http://${host}:${info.port}`;
				options.log(`scoretop: serving ${url}`);
				options.onListening?.(url);
				resolve(server);
			},
		);
		server.once('error', (error: NodeJS.ErrnoException) => {
			reject(
				new RuntimeError(
					`cannot listen on ${options.host}:${options.port} (${error.code ?? error.message}): pass another --port or --host`,
				),
			);
		});
	});
}

async function untilSignal(): Promise<void> {
	const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
	await new Promise<void>((resolve) => {
		const stop = () => {
			for (const signal of signals) {
				process.off(signal, stop);
			}

			resolve();
		};

		for (const signal of signals) {
			process.on(signal, stop);
		}
	});
}

async function closeServer(server: ServerType): Promise<void> {
	await new Promise<void>((resolve) => {
		server.close(() => {
			resolve();
		});
		if ('closeAllConnections' in server) {
			server.closeAllConnections();
		}
	});
}
