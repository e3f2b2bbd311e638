import {afterEach, describe, expect, it} from 'vitest';
import {IngestClient} from '../../source/stream/ingest-client.js';
import {
	startStreamServer,
	type StreamServer,
} from '../../source/stream/stream-server.js';
import {storedScores} from '../helpers/stored-scores.js';
import {tempDb} from '../helpers/temp-dir.js';
import {waitFor} from '../helpers/wait-for.js';
import {startIngest} from './ingest-harness.js';

let server: StreamServer | undefined;
let client: IngestClient | undefined;

afterEach(async () => {
	await client?.terminate();
	await server?.close();
});

/**
 * A roster of 10,000 touches thousands of students a batch, so the writer
 * is the slow side and a next batch is always waiting for it: it must
 * still post updates and answer a stop between batches.
 */
describe('a writer slower than the stream', () => {
	it('keeps posting updates and stops when asked', async () => {
		server = await startStreamServer({firehose: true, rosterSize: 10_000});
		const dbFile = tempDb();
		const ingest = startIngest({url: server.url, dbFile, postIntervalMs: 50});
		client = ingest.client;
		const {messages} = ingest;
		const storedSeen = () =>
			messages.flatMap((message) =>
				message.type === 'update' && message.counters.stored > 0
					? [message.counters.stored]
					: [],
			);

		await waitFor(() => new Set(storedSeen()).size >= 4, {
			what: 'four updates with rising counts while the writer is busy',
		});
		const stopping = client.stop();
		const code = await waitFor(async () => Promise.race([stopping, false]), {
			what: 'the worker to stop',
		});

		expect(code).toBe(0);
		const last = messages.at(-1);
		expect(last).toMatchObject({type: 'stopped'});
		expect(storedScores(dbFile)).toBe(
			last?.type === 'stopped' ? last.counters.stored : -1,
		);
	});
});
