import {createServer} from 'node:http';
import type {AddressInfo} from 'node:net';
import {afterEach, describe, expect, it} from 'vitest';
import {openReader} from '../../source/store/database.js';
import {Queries} from '../../source/store/queries.js';
import {createScoreGenerator} from '../../source/stream/score-generator.js';
import {
	startStreamServer,
	type StreamServer,
} from '../../source/stream/stream-server.js';
import {startCli} from '../cli/run-cli.js';
import {storedScores} from '../helpers/stored-scores.js';
import {tempDb} from '../helpers/temp-dir.js';
import {waitFor} from '../helpers/wait-for.js';

let stream: StreamServer | undefined;

afterEach(async () => {
	await stream?.close();
	stream = undefined;
});

describe('record without the UI', () => {
	it.each([
		['SIGTERM', ['--headless']],
		['SIGINT', ['--headless']],
		['SIGHUP', []],
	] as const)(
		'on %s commits, closes and exits 0 without losing a committed score (%j)',
		async (signal, flags) => {
			stream = await startStreamServer({seed: 9, rate: 400});
			const db = tempDb();
			const running = startCli([...flags, '--url', stream.url, '--db', db]);

			const seen = await waitFor(
				() => (storedScores(db) >= 100 ? storedScores(db) : false),
				{what: '100 committed scores'},
			);
			running.child.kill(signal);
			const {code} = await running.exited;

			expect(code).toBe(0);
			const queries = new Queries(openReader(db));
			const total = queries.totals().scores;
			expect(total).toBeGreaterThanOrEqual(seen);
			const generator = createScoreGenerator({seed: 9, rosterSize: 20});
			const stored = queries.recent(total).reverse();
			expect(
				stored.map(({studentId, exam, score}) => ({studentId, exam, score})),
			).toEqual(
				Array.from({length: total}, (_, index) => generator.eventAt(index + 1)),
			);
			expect(queries.meta('last_event_id')).toBe(String(total));

			const lines = running.stderr().trim().split('\n');
			expect(lines).toContain('scoretop: open');
			expect(lines.at(-1)).toMatch(
				/^scoretop: stopped; \d+ scores, 20 students/,
			);
			expect(running.stdout()).toBe('');
		},
	);

	it('exits 1 with the reason when the stream fails for good', async () => {
		const server = createServer((_request, response) => {
			response.writeHead(404, {'content-type': 'text/plain'});
			response.end('no such stream');
		});
		await new Promise<void>((resolve) => {
			server.listen(0, '127.0.0.1', resolve);
		});
		const {port} = server.address() as AddressInfo;
		const db = tempDb();

		const running = startCli([
			...['--headless', '--url', `http://127.0.0.1:${port}/scores`],
			...['--db', db],
		]);
		const {code} = await running.exited;
		server.close();

		expect(code).toBe(1);
		const lines = running.stderr().trim().split('\n');
		expect(lines.at(-1)).toBe(
			'scoretop: the server answered HTTP 404: check --url',
		);
		expect(storedScores(db)).toBe(0);
	});
});
