import {afterEach, describe, expect, it} from 'vitest';
import {openReader} from '../../source/store/database.js';
import {Queries} from '../../source/store/queries.js';
import {IngestClient} from '../../source/stream/ingest-client.js';
import type {WorkerMessage} from '../../source/stream/messages.js';
import {createScoreGenerator} from '../../source/stream/score-generator.js';
import {
	startStreamServer,
	type StreamServer,
} from '../../source/stream/stream-server.js';
import {tempDb} from '../helpers/temp-dir.js';
import {waitFor} from '../helpers/wait-for.js';

let server: StreamServer | undefined;

afterEach(async () => {
	await server?.close();
	server = undefined;
});

describe('the ingest worker against a real SSE server', () => {
	it('stores exactly the events the server sent, then stops cleanly', async () => {
		server = await startStreamServer({seed: 7, rate: 2000, limit: 300});
		const dbFile = tempDb();
		const messages: WorkerMessage[] = [];
		const client = new IngestClient({
			url: server.url,
			source: server.url,
			dbFile,
		});
		client.on('message', (message) => messages.push(message));

		await waitFor(() => lastCounters(messages)?.stored === 300, {
			what: '300 stored scores',
		});
		const code = await client.stop();

		expect(code).toBe(0);
		expect(messages.at(-1)?.type).toBe('stopped');
		const queries = new Queries(openReader(dbFile));
		const generator = createScoreGenerator({seed: 7, rosterSize: 20});
		const stored = queries.recent(300).reverse();
		expect(
			stored.map(({studentId, exam, score, eventId}) => ({
				studentId,
				exam,
				score,
				eventId,
			})),
		).toEqual(
			Array.from({length: 300}, (_, index) => ({
				...generator.eventAt(index + 1),
				eventId: String(index + 1),
			})),
		);
		expect(queries.meta('last_event_id')).toBe('300');
	});

	it('posts feed rows, counters and the connection state at a bounded rate', async () => {
		server = await startStreamServer({seed: 3, rate: 500});
		const messages: WorkerMessage[] = [];
		const client = new IngestClient({
			url: server.url,
			source: server.url,
			dbFile: tempDb(),
		});
		client.on('message', (message) => messages.push(message));
		const started = Date.now();

		await waitFor(() => (lastCounters(messages)?.stored ?? 0) >= 200, {
			what: '200 scores',
		});
		const elapsed = Date.now() - started;
		await client.stop();

		const updates = messages.filter((message) => message.type === 'update');
		expect(
			updates.some(
				(update) => update.type === 'update' && update.state.kind === 'open',
			),
		).toBe(true);
		expect(
			updates.flatMap((update) => (update.type === 'update' ? update.feed : []))
				.length,
		).toBeGreaterThan(0);
		// At most about ten updates a second, plus one per state change.
		expect(updates.length).toBeLessThanOrEqual(Math.ceil(elapsed / 100) + 5);
	});

	it('resumes with Last-Event-ID after a restart and stores no duplicate', async () => {
		server = await startStreamServer({seed: 5, rate: 5000, limit: 100});
		const dbFile = tempDb();
		const first = new IngestClient({url: server.url, source: 'demo', dbFile});
		const firstMessages: WorkerMessage[] = [];
		first.on('message', (message) => firstMessages.push(message));
		await waitFor(() => lastCounters(firstMessages)?.stored === 100, {
			what: 'first 100',
		});
		await first.stop();
		await server.close();

		server = await startStreamServer({seed: 5, rate: 5000, limit: 150});
		const second = new IngestClient({url: server.url, source: 'demo', dbFile});
		const secondMessages: WorkerMessage[] = [];
		second.on('message', (message) => secondMessages.push(message));
		await waitFor(() => lastCounters(secondMessages)?.stored === 150, {
			what: '150 in all',
		});
		await second.stop();

		const queries = new Queries(openReader(dbFile));
		expect(queries.totals().scores).toBe(150);
		expect(lastCounters(secondMessages)?.duplicates).toBe(0);
	});
});

function lastCounters(messages: WorkerMessage[]) {
	for (let index = messages.length - 1; index >= 0; index--) {
		const message = messages[index];
		if (message && message.type !== 'failed') {
			return message.counters;
		}
	}

	return undefined;
}
