import {afterEach, describe, expect, it} from 'vitest';
import type {ConnectionState} from '../../source/stream/connection-state.js';
import {StreamConnection} from '../../source/stream/connection.js';
import {waitFor} from '../helpers/wait-for.js';

/**
 * The connection with the real eventsource package, fed by a scripted
 * fetch: each answer is a list of reads, and the body stays open unless
 * told to end.
 */
type Answer = {
	reads: string[];
	end?: boolean;
	contentType?: string;
	status?: number;
};

type Seen = {data: string; id: string; ownId: boolean};

let connection: StreamConnection | undefined;

afterEach(() => {
	connection?.stop();
	connection = undefined;
});

function run(answers: Answer[], maxLineLength?: number) {
	const scores: Seen[] = [];
	const states: ConnectionState[] = [];
	const overlong: string[] = [];
	const requests: Array<string | null> = [];
	let ignored = 0;

	const scripted = async (_url: string | URL | Request, init?: RequestInit) => {
		requests.push(new Headers(init?.headers).get('last-event-id'));
		const answer = answers[requests.length - 1] ?? {reads: []};
		return new Response(body(answer, init?.signal ?? undefined), {
			status: answer.status ?? 200,
			headers: {'content-type': answer.contentType ?? 'text/event-stream'},
		});
	};

	connection = new StreamConnection(
		{
			url: 'http://127.0.0.1:9/scores',
			resumeId: '',
			stallTimeoutMs: 60_000,
			maxLineLength,
			fetch: scripted as typeof fetch,
		},
		{
			onScore: (data, id, ownId) => scores.push({data, id, ownId}),
			onIgnored: () => (ignored += 1),
			onOverlong: (head, length) => overlong.push(`${head.length}/${length}`),
			onState: (state) => states.push(state),
		},
	);
	connection.start();
	return {scores, states, overlong, requests, ignored: () => ignored};
}

function body(answer: Answer, signal: AbortSignal | undefined) {
	const encoder = new TextEncoder();
	return new ReadableStream<Uint8Array>({
		start(controller) {
			signal?.addEventListener('abort', () => {
				controller.error(new DOMException('aborted', 'AbortError'));
			});
			for (const read of answer.reads) {
				controller.enqueue(encoder.encode(read));
			}

			if (answer.end) {
				controller.close();
			}
		},
	});
}

const score = (id: number | undefined, data: string) =>
	`${id === undefined ? '' : `id: ${id}\n`}event: score\ndata: ${data}\n\n`;

describe('StreamConnection through the eventsource package', () => {
	it('gives each score the id the guard recorded, inherited ids marked', async () => {
		const seen = run([
			{
				reads: [
					score(1, 'a') + score(undefined, 'b'),
					'id: 5\n\n' + score(6, 'c'),
				],
			},
		]);

		await waitFor(() => seen.scores.length === 3, {what: 'three scores'});

		expect(seen.scores).toEqual([
			{data: 'a', id: '1', ownId: true},
			{data: 'b', id: '1', ownId: false},
			{data: 'c', id: '6', ownId: true},
		]);
		expect(connection?.lastEventId).toBe('6');
	});

	it('takes a server event named "error" as an ignored event, not a failure', async () => {
		const seen = run([
			{reads: ['event: error\ndata: x\n\n', score(2, 'after')]},
		]);

		await waitFor(() => seen.scores.length === 1, {what: 'the score after'});

		expect(seen.ignored()).toBe(1);
		expect(seen.states.map((state) => state.kind)).toEqual([
			'connecting',
			'open',
		]);
	});

	it('never delivers an over-long event, even with its type line already passed on', async () => {
		const seen = run(
			[
				{
					reads: [
						'event: score\ndata: ',
						'x'.repeat(80),
						'x'.repeat(80),
						'\n\n',
						score(3, 'ok'),
					],
				},
			],
			100,
		);

		await waitFor(() => seen.scores.length === 1, {what: 'the score after'});

		expect(seen.scores).toEqual([{data: 'ok', id: '3', ownId: true}]);
		expect(seen.overlong).toEqual(['166/166']);
	});

	it('accepts a content type in other letter case, which the library refuses', async () => {
		const seen = run([
			{reads: [score(1, 'a')], contentType: 'Text/Event-Stream; charset=UTF-8'},
		]);

		await waitFor(() => seen.scores.length === 1, {what: 'a score'});
	});

	it('reconnects after a 502 and an end, resuming from the last block read', async () => {
		const seen = run([
			{reads: ['retry: 0\n', score(1, 'a'), 'id: 2\n\n'], end: true},
			{reads: [], status: 502, end: true},
			{reads: [score(3, 'b')]},
		]);

		await waitFor(() => seen.scores.length === 2, {
			what: 'the score after two failures',
		});

		expect(seen.requests).toEqual([null, '2', '2']);
		expect(
			seen.states.flatMap((state) =>
				state.kind === 'reconnecting' ? [state.reason] : [],
			),
		).toEqual(['server closed the connection', 'HTTP 502']);
	});
});
