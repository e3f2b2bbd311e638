import {readFileSync} from 'node:fs';
import {createServer, type Server} from 'node:http';
import type {AddressInfo} from 'node:net';
import {afterEach, describe, expect, it} from 'vitest';
import {openReader} from '../../source/store/database.js';
import {Queries} from '../../source/store/queries.js';
import {createScoreGenerator} from '../../source/stream/score-generator.js';
import {
	startStreamServer,
	type StreamServer,
} from '../../source/stream/stream-server.js';
import {runCliAsync} from '../cli/run-cli.js';
import {tempDb} from '../helpers/temp-dir.js';

let streams: StreamServer[] = [];
let servers: Server[] = [];

afterEach(async () => {
	await Promise.all(streams.map(async (stream) => stream.close()));
	for (const server of servers) {
		server.closeAllConnections();
		server.close();
	}

	streams = [];
	servers = [];
});

/** A loopback server that answers every request with this body, held open. */
async function serveOnce(type: string, body: string): Promise<string> {
	const server = createServer((_request, response) => {
		response.writeHead(200, {'content-type': type});
		response.write(body);
	});
	servers.push(server);
	await new Promise<void>((resolve) => {
		server.listen(0, '127.0.0.1', resolve);
	});
	return `http://127.0.0.1:${(server.address() as AddressInfo).port}/scores`;
}

function generated(from: number, to: number) {
	const generator = createScoreGenerator({seed: 5, rosterSize: 20});
	const events = [];
	for (let id = from; id <= to; id++) {
		events.push({...generator.eventAt(id), eventId: String(id)});
	}

	return events;
}

describe('capture, then export', () => {
	it('stores exactly --count scores and exports exactly them', async () => {
		const stream = await startStreamServer({seed: 5, rate: 2000, limit: 400});
		streams.push(stream);
		const db = tempDb();

		const first = await runCliAsync([
			...['--url', stream.url, '--db', db, '--count', '250'],
			...['--export', 'ndjson'],
		]);
		expect(first.status).toBe(0);
		const rows = first.stdout
			.trim()
			.split('\n')
			.map((line) => JSON.parse(line) as Record<string, unknown>);
		expect(
			rows.map(({studentId, exam, score, eventId}) => ({
				studentId,
				exam,
				score,
				eventId,
			})),
		).toEqual(generated(1, 250));
		expect(first.stderr).toContain('stopped; 250 scores');
	});

	it('counts only the scores stored by this run, and resumes where the file left off', async () => {
		const stream = await startStreamServer({seed: 5, rate: 2000, limit: 400});
		streams.push(stream);
		const db = tempDb();
		const capture = async (count: string) =>
			runCliAsync([
				...['--url', stream.url, '--db', db, '--count', count],
				...['--export', 'json', '--view', 'exams'],
			]);

		expect((await capture('100')).status).toBe(0);
		const second = await capture('60');
		expect(second.status).toBe(0);

		const queries = new Queries(openReader(db));
		expect(queries.totals().scores).toBe(160);
		const stored = queries.recent(1000).reverse();
		expect(stored.map((row) => row.eventId)).toEqual(
			generated(1, 160).map((event) => event.eventId),
		);
		const exams = JSON.parse(second.stdout) as Array<{count: number}>;
		expect(exams.reduce((sum, exam) => sum + exam.count, 0)).toBe(160);
	});

	it('stops after --duration and exports what it stored', async () => {
		const stream = await startStreamServer({seed: 5, rate: 200});
		streams.push(stream);
		const db = tempDb();

		const result = await runCliAsync([
			...['--url', stream.url, '--db', db, '--duration', '1s'],
			...['--export', 'json'],
		]);
		expect(result.status).toBe(0);
		const rows = JSON.parse(result.stdout) as unknown[];
		expect(rows.length).toBeGreaterThan(0);
		expect(new Queries(openReader(db)).totals().scores).toBe(rows.length);
	});

	it('writes the fixture ids as the exact neutralised CSV cells', async () => {
		const fixtures = new URL('../fixtures/sse/', import.meta.url);
		const body = readFileSync(new URL('24-csv-injection.sse', fixtures));
		const cases = JSON.parse(
			readFileSync(new URL('cases.json', fixtures), 'utf8'),
		) as {
			cases: Array<{
				file: string;
				expected: {csv_cells?: Array<{csv_cell: string}>};
			}>;
		};
		const cells =
			cases.cases.find((item) => item.file === '24-csv-injection.sse')?.expected
				.csv_cells ?? [];
		const url = await serveOnce('text/event-stream', body.toString('utf8'));

		const result = await runCliAsync([
			...['--url', url, '--db', tempDb(), '--count', String(cells.length)],
			...['--export', 'csv'],
		]);
		expect(result.status).toBe(0);
		expect(cells).toHaveLength(12);
		let at = 0;
		for (const {csv_cell: cell} of cells) {
			// Each cell opens its record, in the order the stream sent them.
			const next = result.stdout.indexOf(`\r\n${cell},24,0.5,`, at);
			expect(next, cell).toBeGreaterThanOrEqual(at);
			at = next + 1;
		}
	});

	it('ends with exit 1 and one line when the stream fails for good', async () => {
		const url = await serveOnce('text/html', '<h1>Not a stream</h1>');
		const db = tempDb();

		const result = await runCliAsync([
			...['--url', url, '--db', db, '--count', '10'],
			...['--export', 'csv'],
		]);
		expect(result.status).toBe(1);
		expect(result.stdout).toBe('');
		const lines = result.stderr.trim().split('\n');
		expect(lines.at(-1)).toBe(
			'scoretop: the server sent text/html, not an event stream: check --url',
		);
		expect(lines.filter((line) => line.includes('text/html'))).toHaveLength(1);
		expect(result.stderr).not.toMatch(/\bat .*\.js:\d+/);
	});
});
