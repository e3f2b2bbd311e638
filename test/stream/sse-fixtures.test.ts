import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {
	scoreBlock,
	sseHead,
	startFaultServer,
	writePieces,
	type Chunking,
	type FaultServer,
} from '../helpers/fault-server.js';
import {waitFor} from '../helpers/wait-for.js';
import {readStore, startIngest, waitForCounts} from './ingest-harness.js';

type Expected = {
	scores: Array<{
		studentId: string;
		exam: number;
		score: number;
		lastEventId: string;
	}>;
	rejects: Array<{reason: string}>;
	ignored: unknown[];
	last_event_id_on_reconnect?: string | null;
};

type FixtureCase = {
	file: string;
	chunkings: Array<string | {name: string; split_after_bytes: number[]}>;
	server: {after_body: string};
	expected: Expected;
};

const folder = new URL('../fixtures/sse/', import.meta.url);
const cases = (
	JSON.parse(fs.readFileSync(new URL('cases.json', folder), 'utf8')) as {
		cases: FixtureCase[];
	}
).cases;

const afterReconnect = {
	studentId: 'after-reconnect',
	exam: 99,
	score: 0.7,
};

function toChunking(entry: FixtureCase['chunkings'][number]): Chunking {
	if (typeof entry === 'object') {
		return {splitAfter: entry.split_after_bytes};
	}

	const size = /^(\d+)-byte$/.exec(entry);
	if (size) {
		return {size: Number(size[1])};
	}

	return entry as Chunking;
}

const runs = cases.flatMap((fixture) =>
	fixture.chunkings.map((entry) => ({
		fixture,
		name: typeof entry === 'object' ? entry.name : entry,
		chunking: toChunking(entry),
	})),
);

// The runs overlap, so the per-test clean-up of the shared helpers would
// pull files from under a neighbour: everything goes at the end instead.
const servers: FaultServer[] = [];
const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'scoretop-sse-'));
afterAll(async () => {
	await Promise.all(servers.map(async (server) => server.close()));
	fs.rmSync(directory, {recursive: true, force: true});
});

describe('byte-exact SSE fixtures through the real worker', () => {
	it.concurrent.each(runs)(
		'$fixture.file served $name',
		async ({fixture, name, chunking}) => {
			const body = fs.readFileSync(new URL(fixture.file, folder));
			const closes = fixture.server.after_body === 'close the connection';
			const server = await startFaultServer(async (request, response) => {
				sseHead(response);
				if (request.index > 0) {
					response.write(scoreBlock(undefined, 'after-reconnect', 99, 0.7));
					return;
				}

				await writePieces(response, body, chunking);
				if (closes) {
					response.end();
				}
			});
			servers.push(server);

			const {expected} = fixture;
			const wanted = [
				...expected.scores.map(({lastEventId, ...score}) => ({
					...score,
					eventId: lastEventId,
				})),
				// It has no id line: it carries the id the stream left off at.
				...(closes
					? [
							{
								...afterReconnect,
								eventId: expected.last_event_id_on_reconnect ?? '',
							},
						]
					: []),
			];
			const dbFile = path.join(directory, `${fixture.file}-${name}.db`);
			const ingest = startIngest({url: server.url, dbFile});
			await waitForCounts(
				ingest,
				{
					stored: wanted.length,
					rejected: expected.rejects.length,
					ignored: expected.ignored.length,
				},
				`${fixture.file}: every expected result`,
			);
			await ingest.client.stop();
			void server.close();

			const stored = readStore(dbFile);
			expect(stored.scores).toEqual(wanted);
			expect(stored.rejects).toEqual(
				expected.rejects.map((reject) => reject.reason),
			);
			expect(ingest.counters()?.ignored).toBe(expected.ignored.length);
			if (closes) {
				await waitFor(() => server.requests.length >= 2, {
					what: 'the reconnect',
				});
				expect(server.requests[1]?.lastEventId).toBe(
					expected.last_event_id_on_reconnect ?? undefined,
				);
			}
		},
	);
});
