import {afterEach, describe, expect, it} from 'vitest';
import type {ReaderMessage} from '../../source/stream/reader-messages.js';
import {StreamReader} from '../../source/stream/stream-reader.js';
import {
	startStreamServer,
	type StreamServer,
} from '../../source/stream/stream-server.js';
import {waitFor} from '../helpers/wait-for.js';

const maxBatch = 1000;
const total = 60_000;

let server: StreamServer | undefined;
let reader: StreamReader | undefined;

afterEach(async () => {
	reader?.stop();
	await server?.close();
});

/** A reader on a real firehose whose writer acknowledges only when told. */
async function readerOnFirehose() {
	server = await startStreamServer({firehose: true, limit: total});
	const batches: Array<ReaderMessage & {type: 'batch'}> = [];
	const messages: ReaderMessage[] = [];
	let autoAck = false;
	const started = new StreamReader(
		{url: server.url, resumeId: '', stallTimeoutMs: 45_000, maxBatch},
		(message) => {
			messages.push(message);
			if (message.type === 'batch') {
				batches.push(message);
				if (autoAck) {
					setImmediate(() => started.committed());
				}
			}
		},
	);
	reader = started;
	started.start();

	return {
		batches,
		messages,
		received: () =>
			batches.reduce((sum, batch) => sum + batch.batch.scores.length, 0),
		ackFromNowOn() {
			autoAck = true;
			for (const _ of batches) {
				started.committed();
			}
		},
	};
}

function eventIds(batches: Array<ReaderMessage & {type: 'batch'}>): number[] {
	return batches.flatMap(({batch}) =>
		Array.from(batch.scores.eventNumber.subarray(0, batch.scores.length)),
	);
}

describe('StreamReader flow control', () => {
	it('stops reading while the writer is busy, then delivers every event in order', async () => {
		const firehose = await readerOnFirehose();

		// Nothing is acknowledged: two batches go, a third fills and waits.
		await waitFor(() => firehose.batches.length >= 2, {what: 'two batches'});
		await new Promise((resolve) => setTimeout(resolve, 400));
		const held = firehose.received();
		await new Promise((resolve) => setTimeout(resolve, 400));

		expect(firehose.batches).toHaveLength(2);
		expect(firehose.received()).toBe(held);
		expect(held).toBeLessThan(3 * maxBatch);

		firehose.ackFromNowOn();
		await waitFor(() => firehose.received() >= total, {
			what: `${total} events`,
		});
		const ids = eventIds(firehose.batches);
		expect(ids).toHaveLength(total);
		expect(ids.every((id, index) => id === index + 1)).toBe(true);
		expect(
			Math.max(...firehose.batches.map(({batch}) => batch.scores.length)),
		).toBeLessThan(2 * maxBatch);
	});

	it('hands over what it holds when stopped, then says it has ended', async () => {
		const firehose = await readerOnFirehose();
		await waitFor(() => firehose.batches.length >= 2, {what: 'two batches'});

		reader!.stop();

		const last = firehose.messages.at(-1);
		expect(last).toEqual({type: 'ended'});
		const ids = eventIds(firehose.batches);
		expect(ids.every((id, index) => id === index + 1)).toBe(true);
		expect(ids.length).toBeGreaterThan(2 * maxBatch);
		const lastBatch = firehose.batches.at(-1)!.batch;
		expect(lastBatch.resumeId).toBe(String(ids.at(-1)));
	});
});
