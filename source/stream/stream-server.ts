import {
	createServer,
	type IncomingMessage,
	type Server,
	type ServerResponse,
} from 'node:http';
import type {AddressInfo} from 'node:net';
import {createScoreGenerator, type ScoreGenerator} from './score-generator.js';

export type StreamServerOptions = {
	/** 0, the default, picks a free port. */
	port?: number;
	host?: string;
	seed?: number;
	rosterSize?: number;
	/** Events per second; unset sends a whole roster every 3 seconds. */
	rate?: number;
	/** Send as fast as the client reads, ignoring rate. */
	firehose?: boolean;
	/** Idle time before a keep-alive comment; 0 sends none. */
	keepAliveMs?: number;
	/** The last event id to send; the connection then stays open, idle. */
	limit?: number;
};

export type StreamServer = {
	url: string;
	port: number;
	/** Ends every open stream and stops the server. */
	close(): Promise<void>;
};

/** The seed used when none is given, so restarts resume the same stream. */
export const defaultSeed = 1;

export const defaultRosterSize = 20;

export const burstIntervalMs = 3000;

type Settings = {
	seed: number;
	rosterSize: number;
	keepAliveMs: number;
	limit: number;
	pacing: (firstId: number) => Pacing;
};

/** When a connection may send more, measured from when it opened. */
type Pacing = {
	/** The highest event id that may have been sent by `elapsed` ms. */
	allowedThrough(elapsed: number): number;
	/** Milliseconds to wait, at `elapsed`, before more events are due. */
	waitAfter(elapsed: number): number;
};

// About 100 KB a write: few syscalls per event, yet drains quickly.
const eventsPerWrite = 1000;
const writesPerTurn = 16;

// Coarse timers: at high rates each tick carries every event now due.
const minTickMs = 10;

const firehosePacing = (): Pacing => ({
	allowedThrough: () => Number.POSITIVE_INFINITY,
	waitAfter: () => 0,
});

const steadyPacing =
	(rate: number) =>
	(firstId: number): Pacing => ({
		allowedThrough: (elapsed) => firstId + Math.floor((elapsed * rate) / 1000),
		waitAfter(elapsed) {
			const sent = Math.floor((elapsed * rate) / 1000) + 1;
			const dueAt = (sent * 1000) / rate;
			return Math.max(minTickMs, Math.ceil(dueAt - elapsed));
		},
	});

const burstPacing =
	(rosterSize: number) =>
	(firstId: number): Pacing => {
		// A resumed stream first finishes the exam it stopped in.
		const firstBurstEnd = Math.ceil(firstId / rosterSize) * rosterSize;
		return {
			allowedThrough: (elapsed) =>
				firstBurstEnd + Math.floor(elapsed / burstIntervalMs) * rosterSize,
			waitAfter: (elapsed) => burstIntervalMs - (elapsed % burstIntervalMs),
		};
	};

function checkOptions(options: StreamServerOptions): void {
	const {rate, keepAliveMs, limit} = options;
	if (rate !== undefined && !(rate > 0 && Number.isFinite(rate))) {
		throw new RangeError(`rate must be a positive number, got ${rate}`);
	}

	if (keepAliveMs !== undefined && !(keepAliveMs >= 0)) {
		throw new RangeError(`keepAliveMs must be 0 or more, got ${keepAliveMs}`);
	}

	if (limit !== undefined && !(Number.isSafeInteger(limit) && limit >= 0)) {
		throw new RangeError(`limit must be an integer, 0 or more, got ${limit}`);
	}
}

function settle(options: StreamServerOptions): Settings {
	checkOptions(options);
	const rosterSize = options.rosterSize ?? defaultRosterSize;
	const seed = options.seed ?? defaultSeed;

	// Fail at start-up, not on the first connection.
	createScoreGenerator({seed, rosterSize});

	let pacing = burstPacing(rosterSize);
	if (options.firehose) {
		pacing = firehosePacing;
	} else if (options.rate !== undefined) {
		pacing = steadyPacing(options.rate);
	}

	return {
		seed,
		rosterSize,
		keepAliveMs: options.keepAliveMs ?? 15_000,
		limit: options.limit ?? Number.POSITIVE_INFINITY,
		pacing,
	};
}

/** Event blocks for ids from..to, built by hand: JSON.stringify is slower. */
function formatEvents(
	generator: ScoreGenerator,
	quotedIds: readonly string[],
	from: number,
	to: number,
): string {
	let text = '';
	for (let n = from; n <= to; n++) {
		const student = quotedIds[generator.studentIndexAt(n)]!;
		const exam = generator.examAt(n);
		const score = generator.scoreAt(n);
		text += `id: ${n}\nevent: score\ndata: {"studentId":${student},`;
		text += `"exam":${exam},"score":${score}}\n\n`;
	}

	return text;
}

function firstIdFor(request: IncomingMessage): number {
	const header = request.headers['last-event-id'];
	const lastId = typeof header === 'string' ? header.trim() : '';
	if (!/^\d+$/.test(lastId) || !Number.isSafeInteger(Number(lastId))) {
		return 1;
	}

	return Number(lastId) + 1;
}

function writeHead(response: ServerResponse): void {
	response.socket?.setNoDelay(true);
	response.writeHead(200, {
		'Content-Type': 'text/event-stream; charset=utf-8',
		'Cache-Control': 'no-cache',
		Connection: 'keep-alive',
		'X-Accel-Buffering': 'no',
	});

	// Clients see bytes at once, before the first event is due.
	response.write(': scoretop stream\n\n');
}

/** Streams events to one client; returns a function that ends the stream. */
function openStream(
	request: IncomingMessage,
	response: ServerResponse,
	settings: Settings,
): () => void {
	const generator = createScoreGenerator(settings);
	const quotedIds = generator.roster.map((id) => JSON.stringify(id));
	let next = firstIdFor(request);
	const pacing = settings.pacing(next);
	const openedAt = performance.now();
	let wake: NodeJS.Timeout | undefined;
	let stopped = false;

	const keepAlive =
		settings.keepAliveMs > 0
			? setInterval(
					() => response.write(': keep-alive\n\n'),
					settings.keepAliveMs,
				)
			: undefined;

	const pump = (): void => {
		wake = undefined;
		if (stopped) {
			return;
		}

		const elapsed = performance.now() - openedAt;
		const through = Math.min(pacing.allowedThrough(elapsed), settings.limit);
		for (let writes = 0; next <= through && writes < writesPerTurn; writes++) {
			const last = Math.min(through, next + eventsPerWrite - 1);
			const accepted = response.write(
				formatEvents(generator, quotedIds, next, last),
			);
			next = last + 1;
			keepAlive?.refresh();
			if (!accepted) {
				response.once('drain', pump);
				return;
			}
		}

		if (next > settings.limit) {
			return;
		}

		// Still behind after a full turn: yield to other sockets, then go on.
		const wait = next <= through ? 0 : pacing.waitAfter(elapsed);
		wake = setTimeout(pump, wait);
	};

	const stop = (): void => {
		stopped = true;
		clearTimeout(wake);
		clearInterval(keepAlive);
	};

	// Fires when the client goes away, and when close() ends the response.
	response.once('close', stop);
	writeHead(response);
	pump();

	return () => {
		stop();
		response.end();
	};
}

function sendText(response: ServerResponse, status: number, text: string) {
	response.writeHead(status, {'Content-Type': 'text/plain; charset=utf-8'});
	response.end(text);
}

function handleRequest(
	request: IncomingMessage,
	response: ServerResponse,
	settings: Settings,
	open: Set<() => void>,
): void {
	const path = (request.url ?? '/').split('?')[0];
	if (path !== '/' && path !== '/scores') {
		sendText(response, 404, 'Not found: the stream is at /scores\n');
		return;
	}

	if (request.method !== 'GET') {
		response.setHeader('Allow', 'GET');
		sendText(response, 405, 'Method not allowed: use GET\n');
		return;
	}

	const end = openStream(request, response, settings);
	open.add(end);
	response.once('close', () => open.delete(end));
}

function listen(server: Server, port: number, host: string): Promise<void> {
	return new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, host, () => {
			server.off('error', reject);
			resolve();
		});
	});
}

async function closeServer(server: Server, open: Set<() => void>) {
	for (const end of open) {
		end();
	}

	const closed = new Promise<void>((resolve) => {
		server.close(() => resolve());
	});

	// Then cut off every socket: a client that stopped reading would
	// otherwise hold close() open until its buffer drained.
	server.closeAllConnections();
	await closed;
}

function urlHost(host: string): string {
	return host.includes(':') ? `[${host}]` : host;
}

/** Serves a deterministic stream of score events as Server-Sent Events. */
export async function startStreamServer(
	options: StreamServerOptions = {},
): Promise<StreamServer> {
	const settings = settle(options);
	const host = options.host ?? '127.0.0.1';
	const open = new Set<() => void>();
	const server = createServer((request, response) => {
		handleRequest(request, response, settings, open);
	});

	await listen(server, options.port ?? 0, host);
	const {port} = server.address() as AddressInfo;

	return {
		url: `http://${urlHost(host)}:${port}/scores`,
		port,
		close: () => closeServer(server, open),
	};
}
