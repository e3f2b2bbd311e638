import {describe, expect, it} from 'vitest';
import {openReader, openWriter} from '../../source/store/database.js';
import {Queries} from '../../source/store/queries.js';
import {ScoreWriter} from '../../source/store/score-writer.js';
import {EventBatcher} from '../../source/stream/event-batcher.js';
import {tempDb} from '../helpers/temp-dir.js';

const source = 'http://127.0.0.1:1/scores';

describe('ScoreWriter on a real SQLite file', () => {
	it('stores scores, rejects and aggregates in one transaction', () => {
		const file = tempDb();
		const db = openWriter(file, source);
		const writer = new ScoreWriter(db);

		const result = writer.write({
			scores: [
				{studentId: 'ann', exam: 1, score: 0.5, receivedAt: 1000, eventId: '1'},
				{
					studentId: 'bob',
					exam: 1,
					score: 0.25,
					receivedAt: 1001,
					eventId: '2',
				},
				{studentId: 'ann', exam: 2, score: 1, receivedAt: 1002, eventId: 'x-3'},
			],
			rejects: [{reason: 'not-json', data: '{oops', receivedAt: 1003}],
			resumeId: 'x-3',
		});
		db.close();

		expect(result).toMatchObject({
			stored: 3,
			duplicates: 0,
			rejects: 1,
			newStudents: 2,
			newExams: 2,
		});
		const queries = new Queries(openReader(file));
		expect(queries.totals()).toEqual({
			scores: 3,
			students: 2,
			exams: 2,
			rejects: 1,
		});
		expect(queries.student('ann')).toMatchObject({
			count: 2,
			average: 0.75,
			min: 0.5,
			max: 1,
		});
		expect(queries.exam(1)).toMatchObject({count: 2, average: 0.375});
		expect(queries.meta('last_event_id')).toBe('x-3');
		expect(queries.recent(1)[0]).toMatchObject({
			studentId: 'ann',
			eventId: 'x-3',
		});
	});

	it('stores a replayed event id once and counts it nowhere', () => {
		const file = tempDb();
		const db = openWriter(file, source);
		const writer = new ScoreWriter(db);
		const score = {
			studentId: 'ann',
			exam: 1,
			score: 0.5,
			receivedAt: 1000,
			eventId: '7',
		};

		writer.write({scores: [score], rejects: []});
		const again = writer.write({
			scores: [score, {...score, eventId: '8'}],
			rejects: [],
		});

		expect(again).toMatchObject({stored: 1, duplicates: 1});
		expect(new Queries(db).student('ann')).toMatchObject({count: 2});
		db.close();
	});

	it('counts every result of a repeated exam number', () => {
		const db = openWriter(tempDb(), source);
		const writer = new ScoreWriter(db);
		writer.write({
			scores: [
				{studentId: 'ann', exam: 1, score: 0.2, receivedAt: 1},
				{studentId: 'ann', exam: 1, score: 0.4, receivedAt: 2},
			],
			rejects: [],
		});

		expect(new Queries(db).student('ann')).toMatchObject({
			count: 2,
			average: 0.30000000000000004,
		});
		db.close();
	});

	it('stops a batch at its limit, leaving what follows for the stream to resend', () => {
		const db = openWriter(tempDb(), source);
		const writer = new ScoreWriter(db);
		writer.write({
			scores: [
				{studentId: 'ann', exam: 1, score: 1, receivedAt: 1, eventId: '2'},
			],
			rejects: [],
		});
		const batcher = new EventBatcher();
		batcher.acceptEvent(
			'{"studentId":"ann","exam":1,"score":0.5}',
			'1',
			true,
			5,
		);
		batcher.acceptEvent(
			'{"studentId":"ann","exam":1,"score":0.5}',
			'2',
			true,
			6,
		);
		batcher.acceptEvent(
			'{"studentId":"bob","exam":1,"score":0.5}',
			'3',
			true,
			7,
		);
		batcher.acceptEvent('not json', '4', true, 8);
		batcher.acceptEvent(
			'{"studentId":"cid","exam":1,"score":0.5}',
			'5',
			true,
			9,
		);

		// Id 2 is stored already: two stored scores take three events.
		const result = writer.writeColumns(batcher.take('5').batch, 2);

		expect(result).toMatchObject({
			stored: 2,
			duplicates: 1,
			taken: 3,
			rejects: 0,
		});
		expect(Array.from(result.storedAt)).toEqual([0, 2]);
		const queries = new Queries(db);
		expect(queries.totals()).toMatchObject({
			scores: 3,
			students: 2,
			rejects: 0,
		});
		expect(queries.student('cid')).toBeUndefined();
		expect(queries.meta('last_event_id')).toBe('3');
		db.close();
	});

	it('refuses a file that belongs to another source', () => {
		const file = tempDb();
		openWriter(file, source).close();

		expect(() => openWriter(file, 'http://127.0.0.1:2/other')).toThrow(
			`${file} belongs to ${source}, not http://127.0.0.1:2/other`,
		);
	});
});
