import {get, request} from 'node:http';
import {once} from 'node:events';
import {afterEach, describe, expect, it} from 'vitest';
import {createScoreGenerator} from '../../source/stream/score-generator.js';
import {
	startStreamServer,
	type StreamServer,
	type StreamServerOptions,
} from '../../source/stream/stream-server.js';
import {readSse, type SseBlock} from '../helpers/read-sse.js';

const servers: StreamServer[] = [];

async function serve(options: StreamServerOptions = {}) {
	const server = await startStreamServer({firehose: true, ...options});
	servers.push(server);
	return server;
}

async function readEvents(
	options: StreamServerOptions,
	count: number,
	headers?: Record<string, string>,
) {
	const server = await serve(options);
	const reading = await readSse(server.url, {events: count, headers});
	return reading.events.slice(0, count);
}

function payload(block: SseBlock) {
	return JSON.parse(block.data ?? '') as {
		studentId: string;
		exam: number;
		score: number;
	};
}

afterEach(async () => {
	await Promise.all(servers.splice(0).map((server) => server.close()));
});

describe('score generator', () => {
	it('gives the same event for n however it is reached', () => {
		const walked = createScoreGenerator({seed: 9, rosterSize: 20});
		const events = Array.from({length: 100}, (_, i) => walked.eventAt(i + 1));
		const fresh = createScoreGenerator({seed: 9, rosterSize: 20});

		expect(fresh.eventAt(77)).toEqual(events[76]);
		expect(fresh.eventAt(3)).toEqual(events[2]);
	});

	it('draws full-precision scores, mostly from 0.6 to 0.85', () => {
		const generator = createScoreGenerator({seed: 3, rosterSize: 20});
		const scores = Array.from({length: 2000}, (_, i) =>
			generator.scoreAt(i + 1),
		);
		const typical = scores.filter((score) => score >= 0.6 && score <= 0.85);
		const precise = scores.filter((score) => String(score).length > 15);

		expect(scores.every((score) => score >= 0 && score <= 1)).toBe(true);
		expect(typical.length).toBeGreaterThan(1600);
		expect(precise.length).toBeGreaterThan(1600);
	});

	it('names students in faker username shapes, each once', () => {
		const {roster} = createScoreGenerator({seed: 5, rosterSize: 500});

		expect(new Set(roster).size).toBe(500);
		for (const id of roster) {
			expect(id).toMatch(/^[A-Z][a-z]+(\d{1,2}|[._][A-Z][A-Za-z]+\d{0,2})$/);
		}
	});
});

describe('stream server', () => {
	it('answers with event-stream headers and an opening comment', async () => {
		const server = await serve();
		const reading = await readSse(server.url, {events: 1});

		expect(server.url).toBe(`http://127.0.0.1:${server.port}/scores`);
		expect(reading.status).toBe(200);
		expect(reading.headers['content-type']).toBe(
			'text/event-stream; charset=utf-8',
		);
		expect(reading.headers['cache-control']).toBe('no-cache');
		expect(reading.headers.connection).toBe('keep-alive');
		expect(reading.headers['x-accel-buffering']).toBe('no');
		expect(reading.text.startsWith(': scoretop stream\n\n')).toBe(true);
	});

	it('serves / the same as /scores', async () => {
		const server = await serve({seed: 4});
		const root = server.url.replace(/scores$/, '');
		const [fromRoot] = (await readSse(root, {events: 1})).events;
		const [fromScores] = (await readSse(server.url, {events: 1})).events;

		expect(fromRoot?.raw).toBe(fromScores?.raw);
	});

	it('writes each event as id, event and compact data lines', async () => {
		const [first] = await readEvents({seed: 11}, 1);
		const expected = createScoreGenerator({seed: 11, rosterSize: 20});
		const lines = first?.raw.split('\n') ?? [];

		expect(lines).toHaveLength(3);
		expect(lines[0]).toBe('id: 1');
		expect(lines[1]).toBe('event: score');
		expect(lines[2]).toBe(`data: ${JSON.stringify(expected.eventAt(1))}`);
		expect(lines[2]).toMatch(
			/^data: \{"studentId":"[\w.]+","exam":\d+,"score":[\d.e-]+\}$/,
		);
	});

	it('numbers events from 1 upwards', async () => {
		const events = await readEvents({}, 200);

		expect(events.map((block) => block.id)).toEqual(
			Array.from({length: 200}, (_, i) => String(i + 1)),
		);
	});

	it('scores every roster member once per exam, then moves on', async () => {
		const events = await readEvents({rosterSize: 20}, 100);
		const exams = new Map<number, string[]>();
		for (const block of events) {
			const {exam, studentId} = payload(block);
			exams.set(exam, [...(exams.get(exam) ?? []), studentId]);
		}

		const numbers = [...exams.keys()];
		const rosters = [...exams.values()];
		const first = numbers[0] ?? 0;

		expect(first).toBeGreaterThanOrEqual(10_000);
		expect(numbers).toEqual([0, 1, 2, 3, 4].map((step) => first + step));
		for (const students of rosters) {
			expect(students).toHaveLength(20);
			expect(new Set(students)).toEqual(new Set(rosters[0]));
		}

		// Shuffled: exams do not all list students in the same order.
		expect(new Set(rosters.map((students) => students.join()))).not.toEqual(
			new Set([rosters[0]?.join()]),
		);
	});

	it('repeats a stream for the same seed, and only then', async () => {
		const data = async (seed: number) =>
			(await readEvents({seed}, 50)).map((block) => block.data);
		const [first, again, other] = await Promise.all([
			data(42),
			data(42),
			data(43),
		]);

		expect(again).toEqual(first);
		expect(other).not.toEqual(first);
	});

	it('resumes after Last-Event-ID with the same events', async () => {
		const whole = await readEvents({seed: 8}, 40);
		const resumed = await readEvents({seed: 8}, 3, {'Last-Event-ID': '37'});

		expect(resumed[0]?.id).toBe('38');
		expect(resumed.map((block) => block.raw)).toEqual(
			whole.slice(37, 40).map((block) => block.raw),
		);
	});

	it('starts at 1 when Last-Event-ID is not a number', async () => {
		const events = await readEvents({}, 1, {'Last-Event-ID': 'abc'});

		expect(events[0]?.id).toBe('1');
	});

	it('sends the first burst at once by default', async () => {
		const events = await readEvents({firehose: false, rosterSize: 7}, 7);

		expect(events.map((block) => block.id)).toEqual([
			'1',
			'2',
			'3',
			'4',
			'5',
			'6',
			'7',
		]);
	});

	it('finishes the interrupted exam first when resuming a burst', async () => {
		const events = await readEvents({firehose: false}, 3, {
			'Last-Event-ID': '37',
		});

		expect(events.map((block) => block.id)).toEqual(['38', '39', '40']);
	});

	it('paces a steady rate without losing events', async () => {
		const events = await readEvents({firehose: false, rate: 5000}, 300);

		expect(events.at(-1)?.id).toBe('300');
	});

	it('writes keep-alive comments while idle', async () => {
		const server = await serve({firehose: false, rate: 0.01, keepAliveMs: 50});
		const reading = await readSse(server.url, {
			until: ({text}) => text.includes(': keep-alive\n\n'),
		});

		expect(reading.events).toHaveLength(1);
		expect(reading.blocks.at(-1)?.comments).toEqual(['keep-alive']);
	});

	it('stops after the limit and stays open', async () => {
		const server = await serve({limit: 5, keepAliveMs: 20});
		const reading = await readSse(server.url, {
			until: ({blocks}) => blocks.at(-1)?.comments[0] === 'keep-alive',
		});

		expect(reading.events.map((block) => block.id)).toEqual([
			'1',
			'2',
			'3',
			'4',
			'5',
		]);
	});

	it('keeps up as a firehose', async () => {
		const events = await readEvents({}, 20_000);

		expect(events).toHaveLength(20_000);
		expect(events.at(-1)?.id).toBe('20000');
	});

	it('answers other paths with 404 and other methods with 405', async () => {
		const server = await serve();
		const missing = await readSse(server.url.replace('scores', 'nope'));
		const post = request(server.url, {method: 'POST'}).end();
		const [response] = (await once(post, 'response')) as [
			{statusCode: number; resume(): void},
		];
		response.resume();

		expect(missing.status).toBe(404);
		expect(missing.headers['content-type']).toMatch(/^text\/plain/);
		expect(response.statusCode).toBe(405);
	});

	it('closes while a client is still reading', async () => {
		const server = await startStreamServer({rate: 1});
		const client = get(server.url);
		const [response] = (await once(client, 'response')) as [
			NodeJS.ReadableStream,
		];
		const ended = once(client, 'close');
		response.resume();
		await server.close();
		await ended;

		expect(client.destroyed).toBe(true);
	});
});
