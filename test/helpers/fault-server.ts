import {
	createServer,
	type IncomingMessage,
	type ServerResponse,
} from 'node:http';
import type {AddressInfo} from 'node:net';
import type {Socket} from 'node:net';

/** One request as the server saw it. */
export type SeenRequest = {
	index: number;
	/** The Last-Event-ID header, or undefined when it was absent. */
	lastEventId: string | undefined;
};

export type FaultHandler = (
	request: SeenRequest,
	response: ServerResponse,
	raw: IncomingMessage,
) => void | Promise<void>;

export type FaultServer = {
	url: string;
	requests: SeenRequest[];
	/** Refuse connections from now on: the port stops listening. */
	close(): Promise<void>;
};

/**
 * A loopback HTTP server whose every answer is scripted by the test:
 * streams served in chosen pieces, 5xx, 204, HTML, stalls and closes.
 */
export async function startFaultServer(
	handler: FaultHandler,
	port = 0,
): Promise<FaultServer> {
	const requests: SeenRequest[] = [];
	const sockets = new Set<Socket>();
	const server = createServer((raw, response) => {
		const header = raw.headers['last-event-id'];
		const seen: SeenRequest = {
			index: requests.length,
			lastEventId: typeof header === 'string' ? header : undefined,
		};
		requests.push(seen);
		response.socket?.setNoDelay(true);
		void Promise.resolve(handler(seen, response, raw)).catch(() => {
			response.destroy();
		});
	});
	server.on('connection', (socket) => {
		sockets.add(socket);
		socket.once('close', () => sockets.delete(socket));
	});

	await new Promise<void>((resolve) => {
		server.listen(port, '127.0.0.1', resolve);
	});
	const {port: bound} = server.address() as AddressInfo;

	return {
		url: `http://127.0.0.1:${bound}/scores`,
		requests,
		async close() {
			const closed = new Promise<void>((resolve) => {
				server.close(() => resolve());
			});
			for (const socket of sockets) {
				socket.destroy();
			}

			await closed;
		},
	};
}

/** Starts an event stream's response. */
export function sseHead(
	response: ServerResponse,
	contentType = 'text/event-stream',
): void {
	response.writeHead(200, {
		'Content-Type': contentType,
		'Cache-Control': 'no-cache',
	});
	response.flushHeaders();
}

/** How to cut a body into writes. */
export type Chunking =
	'whole' | 'every-byte' | {size: number} | {splitAfter: readonly number[]};

/**
 * Writes the body in the pieces asked for, each a separate write so each
 * arrives as its own read. Single bytes go out one event-loop turn apart
 * (quick even for 64 KiB); listed split points 15 ms apart.
 */
export async function writePieces(
	response: ServerResponse,
	body: Uint8Array,
	chunking: Chunking,
): Promise<void> {
	const pieces = cut(body, chunking);
	const gap =
		typeof chunking === 'object' && 'splitAfter' in chunking
			? () => pause(15)
			: nextTurn;

	for (const [index, piece] of pieces.entries()) {
		if (response.destroyed) {
			return;
		}

		if (index > 0) {
			await gap();
		}

		response.write(piece);
	}
}

function cut(body: Uint8Array, chunking: Chunking): Uint8Array[] {
	if (chunking === 'whole') {
		return [body];
	}

	if (chunking === 'every-byte') {
		return Array.from(body, (_, index) => body.subarray(index, index + 1));
	}

	const starts =
		'size' in chunking
			? Array.from(
					{length: Math.ceil(body.length / chunking.size)},
					(_, index) => index * chunking.size,
				)
			: [0, ...chunking.splitAfter.filter((at) => at < body.length)];
	return starts.map((start, index) =>
		body.subarray(start, starts[index + 1] ?? body.length),
	);
}

async function nextTurn(): Promise<void> {
	await new Promise((resolve) => {
		setImmediate(resolve);
	});
}

/** Server pacing between writes; tests themselves poll, never sleep. */
export async function pause(milliseconds: number): Promise<void> {
	await new Promise((resolve) => {
		setTimeout(resolve, milliseconds);
	});
}

/** One score event block, as a server would send it. */
export function scoreBlock(
	id: number | undefined,
	studentId: string,
	exam: number,
	score: number,
): string {
	const idLine = id === undefined ? '' : `id: ${id}\n`;
	const data = JSON.stringify({studentId, exam, score});
	return `${idLine}event: score\ndata: ${data}\n\n`;
}
