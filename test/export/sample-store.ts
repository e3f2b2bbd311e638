import {openWriter} from '../../source/store/database.js';
import type {RejectRecord, ScoreRecord} from '../../source/store/records.js';
import {ScoreWriter} from '../../source/store/score-writer.js';

const start = Date.UTC(2025, 0, 2, 3, 4, 5, 678);

/** Ids and numbers that break careless writers: quoting, formulas, width. */
export const sampleScores: ScoreRecord[] = [
	{studentId: 'ann', exam: 1, score: 0.5, receivedAt: start, eventId: '1'},
	{studentId: '=SUM(A1:A9)', exam: 1, score: 0.1 + 0.2, receivedAt: start + 1},
	{
		studentId: 'comma, "quote"\r\nline',
		exam: 2,
		score: 5e-324,
		receivedAt: start + 2,
	},
	{
		studentId: '日本語 😀',
		exam: 0,
		score: 1,
		receivedAt: start + 3,
		eventId: '-7',
	},
	{
		studentId: '-2+3',
		exam: 9_007_199_254_740_991,
		score: 0,
		receivedAt: start + 4,
	},
	{studentId: 'ann', exam: 2, score: 0.7, receivedAt: start + 5, eventId: 'x'},
	{studentId: "'already", exam: 1, score: 1e-7, receivedAt: start + 6},
	{studentId: 'bob', exam: 2, score: 0.9999999999999999, receivedAt: start + 7},
];

export const sampleRejects: RejectRecord[] = [
	{reason: 'not-json', data: '=cmd|calc', receivedAt: start + 8},
	{
		reason: 'score-out-of-range',
		data: '{"a": "b,\\"c\\"\\n"}',
		receivedAt: start + 9,
	},
];

/** A real SQLite file holding the samples, written the way ingest writes. */
export function writeSampleStore(
	file: string,
	source = 'http://127.0.0.1:1/scores',
): void {
	const db = openWriter(file, source);
	new ScoreWriter(db).write({scores: sampleScores, rejects: sampleRejects});
	db.close();
}
