import {createServer} from 'node:net';
import type {AddressInfo} from 'node:net';
import {afterEach, describe, expect, it} from 'vitest';
import {
	scoreBlock,
	sseHead,
	startFaultServer,
	type FaultHandler,
	type FaultServer,
} from '../helpers/fault-server.js';
import {tempDb} from '../helpers/temp-dir.js';
import {waitFor} from '../helpers/wait-for.js';
import {
	readStore,
	startIngest,
	waitForCounts,
	type Ingest,
} from './ingest-harness.js';

let server: FaultServer | undefined;
let ingest: Ingest | undefined;

afterEach(async () => {
	await ingest?.client.terminate();
	await server?.close();
	ingest = undefined;
	server = undefined;
});

function blocks(from: number, to: number): string {
	let text = '';
	for (let id = from; id <= to; id++) {
		text += scoreBlock(id, `student-${id % 3}`, id, id / 100);
	}

	return text;
}

async function serve(handler: FaultHandler): Promise<FaultServer> {
	server = await startFaultServer(handler);
	return server;
}

function stoppedReason(current: Ingest): string | undefined {
	for (const message of current.messages) {
		if (message.type === 'stopped') {
			return message.reason;
		}
	}

	return undefined;
}

describe('the connection through stream faults', () => {
	it('reconnects after a close and a 503, resumes by id and stores no replayed event twice', async () => {
		const served = await serve((request, response) => {
			if (request.index === 1) {
				response.writeHead(503).end('deploying');
				return;
			}

			sseHead(response);
			if (request.index === 0) {
				response.end(`retry: 250\n\n${blocks(1, 5)}`);
				return;
			}

			// A server that ignores Last-Event-ID and replays from the start.
			response.write(blocks(1, 10));
		});
		const dbFile = tempDb();
		ingest = startIngest({url: served.url, dbFile});

		await waitForCounts(ingest, {stored: 10}, '10 scores');
		await ingest.client.stop();

		expect(served.requests.map((request) => request.lastEventId)).toEqual([
			undefined,
			'5',
			'5',
		]);
		expect(ingest.states()).toEqual(
			expect.arrayContaining([
				'reconnecting (server closed the connection), attempt 2',
				'reconnecting (HTTP 503), attempt 3',
			]),
		);
		const stored = readStore(dbFile);
		expect(stored.scores.map((score) => score.eventId)).toEqual(
			Array.from({length: 10}, (_, index) => String(index + 1)),
		);
		expect(ingest.counters()?.duplicates).toBe(5);
		expect(stored.lastEventId).toBe('10');
	});

	it('keeps trying while the connection is refused, then reads the stream', async () => {
		const port = await freePort();
		const dbFile = tempDb();
		ingest = startIngest({url: `http://127.0.0.1:${port}/scores`, dbFile});

		await waitFor(
			() => ingest!.states().some((state) => state.includes('refused')),
			{what: 'a refused attempt'},
		);
		server = await startFaultServer((_request, response) => {
			sseHead(response);
			response.write(blocks(1, 3));
		}, port);
		await waitForCounts(ingest, {stored: 3}, '3 scores');
		await ingest.client.stop();

		expect(ingest.states()).toContain(
			'reconnecting (connection refused), attempt 2',
		);
		expect(readStore(dbFile).scores).toHaveLength(3);
	});

	it.each([
		['after the first event', true],
		['before any answer', false],
	])(
		'treats a stream silent %s as dead and reconnects',
		async (_name, answer) => {
			const served = await serve((request, response) => {
				if (request.index > 0 || answer) {
					sseHead(response);
					response.write(blocks(request.index + 1, request.index + 1));
				}
			});
			ingest = startIngest({
				url: served.url,
				dbFile: tempDb(),
				stallTimeoutMs: 300,
			});

			await waitFor(() => served.requests.length >= 2, {what: 'a reconnect'});
			await waitForCounts(ingest, {stored: 1}, 'a score');

			expect(ingest.states()).toContain(
				'reconnecting (no data for 0.3s), attempt 2',
			);
			expect(served.requests[1]?.lastEventId).toBe(answer ? '1' : undefined);
		},
	);

	it('counts comments as signs of life', async () => {
		let beats = 0;
		const served = await serve((_request, response) => {
			sseHead(response);
			const beat = setInterval(() => {
				beats += 1;
				response.write(':\n');
			}, 50);
			response.once('close', () => clearInterval(beat));
		});
		ingest = startIngest({
			url: served.url,
			dbFile: tempDb(),
			stallTimeoutMs: 300,
		});

		// Twenty-five beats 50 ms apart span four stall windows.
		await waitFor(() => beats >= 25, {what: '25 comment lines'});

		expect(served.requests).toHaveLength(1);
		expect(ingest.states().at(-1)).toBe('open');
	});

	it.each([
		[
			'a 204',
			(response: Parameters<FaultHandler>[1]) => response.writeHead(204).end(),
			'the server answered 204 No Content: it has no stream to send',
		],
		[
			'an HTML login page',
			(response: Parameters<FaultHandler>[1]) => {
				response.writeHead(200, {'Content-Type': 'text/html; charset=utf-8'});
				response.end('<html><body>Please log in</body></html>');
			},
			'the server sent text/html, not an event stream: check --url',
		],
		[
			'a 404',
			(response: Parameters<FaultHandler>[1]) => response.writeHead(404).end(),
			'the server answered HTTP 404: check --url',
		],
	])('stops for good on %s and says why', async (_name, answer, reason) => {
		const served = await serve((_request, response) => {
			answer(response);
		});
		ingest = startIngest({url: served.url, dbFile: tempDb()});

		const code = await new Promise((resolve) => {
			ingest!.client.once('exit', resolve);
		});

		expect(code).toBe(0);
		expect(stoppedReason(ingest)).toBe(reason);
		expect(ingest.states()).toContain(`closed (${reason})`);
		expect(served.requests).toHaveLength(1);
	});

	it('drops an event whose line passes the cap as a reject, and reads on', async () => {
		const served = await serve((_request, response) => {
			sseHead(response);
			const long = JSON.stringify({studentId: 'x'.repeat(5000), exam: 1});
			response.write(`event: score\ndata: ${long}\n\n${blocks(1, 1)}`);
		});
		const dbFile = tempDb();
		ingest = startIngest({url: served.url, dbFile, maxLineLength: 1000});

		await waitForCounts(ingest, {stored: 1, rejected: 1}, 'score and reject');
		await ingest.client.stop();

		expect(readStore(dbFile).rejects).toEqual(['line-too-long']);
	});
});

async function freePort(): Promise<number> {
	const probe = createServer();
	await new Promise<void>((resolve) => {
		probe.listen(0, '127.0.0.1', resolve);
	});
	const {port} = probe.address() as AddressInfo;
	await new Promise((resolve) => {
		probe.close(resolve);
	});
	return port;
}

describe('the resume id', () => {
	it('never runs ahead of the scores stored, even inside one read', async () => {
		// Ten events and a trailing id-only block in one write: the guard
		// reads them all before the library dispatches the first.
		const served = await serve((_request, response) => {
			sseHead(response);
			response.write(`${blocks(1, 10)}id: 11\n\n`);
		});
		const dbFile = tempDb();
		ingest = startIngest({url: served.url, dbFile, stopAfter: 3});

		const code = await new Promise((resolve) => {
			ingest!.client.once('exit', resolve);
		});

		expect(code).toBe(0);
		const stored = readStore(dbFile);
		expect(stored.scores.map((score) => score.eventId)).toEqual([
			'1',
			'2',
			'3',
		]);
		expect(stored.lastEventId).toBe('3');
	});
});
