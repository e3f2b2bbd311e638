import {afterEach, describe, expect, it} from 'vitest';
import {
	startStreamServer,
	type StreamServer,
} from '../../source/stream/stream-server.js';
import {startCli} from '../cli/run-cli.js';
import {tempDb} from '../helpers/temp-dir.js';
import {waitFor} from '../helpers/wait-for.js';

let stream: StreamServer | undefined;

afterEach(async () => {
	await stream?.close();
	stream = undefined;
});

type Health = {connection: string; scores: number; lagMs: number | null};

describe('scoretop serve', () => {
	it('serves what it ingests on 127.0.0.1 and stops cleanly on SIGTERM', async () => {
		stream = await startStreamServer({seed: 4, rate: 1000, limit: 120});
		const running = startCli([
			...['serve', '--port', '0', '--url', stream.url, '--db', tempDb()],
		]);

		const base = await waitFor(
			() => /serving (http:\/\/127\.0\.0\.1:\d+)/.exec(running.stderr())?.[1],
			{what: 'the serving line'},
		);
		const health = await waitFor(
			async () => {
				const response = await fetch(`${base}/health`);
				const body = (await response.json()) as Health;
				return body.scores === 120 ? {status: response.status, body} : false;
			},
			{what: '120 scores in /health'},
		);
		expect(health.status).toBe(200);
		expect(health.body.connection).toBe('open');
		expect(health.body.lagMs).toEqual(expect.any(Number));

		const students = (await (await fetch(`${base}/students`)).json()) as {
			total: number;
		};
		expect(students.total).toBe(20);

		running.child.kill('SIGTERM');
		expect((await running.exited).code).toBe(0);
	});

	it('keeps serving stored data with 503 health once the stream fails for good', async () => {
		stream = await startStreamServer({seed: 4});
		const running = startCli([
			...['serve', '--port', '0', '--db', tempDb()],
			...['--url', stream.url.replace('/scores', '/nothing-here')],
		]);

		const base = await waitFor(
			() => /serving (http:\/\/127\.0\.0\.1:\d+)/.exec(running.stderr())?.[1],
			{what: 'the serving line'},
		);
		const status = await waitFor(
			async () => {
				const response = await fetch(`${base}/health`);
				return response.status === 503 ? response.status : false;
			},
			{what: 'an unhealthy /health'},
		);
		expect(status).toBe(503);
		expect((await fetch(`${base}/students`)).status).toBe(200);

		running.child.kill('SIGTERM');
		expect((await running.exited).code).toBe(0);
	});

	it('refuses a bad --port with exit 2', async () => {
		const running = startCli(['serve', '--port', 'x']);
		expect((await running.exited).code).toBe(2);
		expect(running.stderr()).toContain('--port takes a number');
	});
});
