import {afterEach, describe, expect, it} from 'vitest';
import {openReader, openWriter} from '../../source/store/database.js';
import {Queries} from '../../source/store/queries.js';
import {BatchCommitter} from '../../source/stream/batch-committer.js';
import {EventBatcher} from '../../source/stream/event-batcher.js';
import {
	scoreBlock,
	sseHead,
	startFaultServer,
	type FaultServer,
} from '../helpers/fault-server.js';
import {tempDb} from '../helpers/temp-dir.js';
import {startIngest, waitForCounts, type Ingest} from './ingest-harness.js';

let server: FaultServer | undefined;
let ingest: Ingest | undefined;

afterEach(async () => {
	await ingest?.client.terminate();
	await server?.close();
	ingest = undefined;
	server = undefined;
});

function storedText(dbFile: string) {
	const db = openReader(dbFile);
	try {
		const queries = new Queries(db);
		const everything = Number.MAX_SAFE_INTEGER;
		return {
			students: queries
				.students({limit: everything})
				.rows.map((row) => row.studentId),
			scores: queries.recent(everything).map((row) => row.studentId),
			rejects: queries
				.rejects(0, everything)
				.map(({reason, data}) => ({reason, data})),
		};
	} finally {
		db.close();
	}
}

describe('a student id that is not well-formed Unicode', () => {
	it('becomes a reject kept as sent, and nothing with U+FFFD is stored', async () => {
		// JSON.stringify writes a lone surrogate as its \ud800 escape.
		const lone = scoreBlock(1, '\ud800lone', 14_102, 0.5);
		const fine = scoreBlock(2, 'Alice70', 14_102, 0.25);
		server = await startFaultServer((_request, response) => {
			sseHead(response);
			response.write(lone + fine);
		});
		const dbFile = tempDb();
		ingest = startIngest({url: server.url, dbFile});

		await waitForCounts(ingest, {stored: 1, rejected: 1}, 'both events');

		const stored = storedText(dbFile);
		expect(stored.students).toEqual(['Alice70']);
		expect(stored.scores).toEqual(['Alice70']);
		expect(stored.rejects).toEqual([
			{
				reason: 'bad-studentId',
				data: '{"studentId":"\\ud800lone","exam":14102,"score":0.5}',
			},
		]);
		expect(JSON.stringify(stored)).not.toContain('\uFFFD');
	});

	it('is written as its escape when raw reject data holds one', () => {
		const dbFile = tempDb();
		const db = openWriter(dbFile, 'test');
		const batcher = new EventBatcher();
		batcher.acceptEvent('{studentId: "x\ud800", exam: 1, score: 1', '7');
		new BatchCommitter(db).commit(batcher.take('7'));
		db.close();

		expect(storedText(dbFile).rejects).toEqual([
			{reason: 'not-json', data: '{studentId: "x\\ud800", exam: 1, score: 1'},
		]);
	});
});
