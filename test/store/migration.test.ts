import BetterSqlite3 from 'better-sqlite3';
import {describe, expect, it} from 'vitest';
import {openReader, openWriter} from '../../source/store/database.js';
import {Queries} from '../../source/store/queries.js';
import {migrations, schemaVersion} from '../../source/store/schema.js';
import {ScoreWriter} from '../../source/store/score-writer.js';
import {tempDb} from '../helpers/temp-dir.js';

const source = 'http://127.0.0.1:1/scores';

/** A file as scoretop's schema 1 wrote it, with one student and an exam. */
function schemaOneFile(): string {
	const file = tempDb();
	const db = new BetterSqlite3(file);
	db.exec(migrations[0] as string);
	db.pragma('user_version = 1');
	db.exec(`
		INSERT INTO meta VALUES ('source', '${source}'), ('last_event_id', '12');
		INSERT INTO students VALUES
			(1, 'ann', 3, 'e', 0.5, 0.25, 0.75, 1000, 1003),
			(2, 'gone', 0, '0', 0, 1, 0, 1000, 1000);
		INSERT INTO exams VALUES
			(7, 3, 'e', 0.5, 0.25, 0.75, 1000, 1003, '[0,0,1,0,0,1,0,1,0,0]');
		INSERT INTO scores (id, student, exam, score, received_at, event_id) VALUES
			(1, 1, 7, 0.25, 1000, 10),
			(2, 1, 7, 0.5, 1001, 11),
			(3, 1, 7, 0.75, 1003, 'x-12');
		INSERT INTO rejects (received_at, reason, data) VALUES (1002, 'bad', '{');
	`);
	db.close();
	return file;
}

describe('migrations', () => {
	it('brings a schema 1 file to the current schema with every result', () => {
		const file = schemaOneFile();
		openWriter(file, source).close();

		const reader = openReader(file);
		const queries = new Queries(reader);
		expect(reader.pragma('user_version', {simple: true})).toBe(schemaVersion);
		expect(queries.totals()).toEqual({
			scores: 3,
			students: 1,
			exams: 1,
			rejects: 1,
		});
		expect([...queries.iterateScores()]).toEqual([
			{studentId: 'ann', exam: 7, score: 0.25, receivedAt: 1000, eventId: '10'},
			{studentId: 'ann', exam: 7, score: 0.5, receivedAt: 1001, eventId: '11'},
			{
				studentId: 'ann',
				exam: 7,
				score: 0.75,
				receivedAt: 1003,
				eventId: 'x-12',
			},
		]);
		expect(queries.exam(7)?.results.map((result) => result.score)).toEqual([
			0.75, 0.5, 0.25,
		]);
		expect(queries.meta('last_event_id')).toBe('12');
	});

	it('indexes the students already stored for filtering (schema 5)', () => {
		const file = schemaOneFile();
		openWriter(file, source).close();

		const reader = openReader(file);
		const indexed = reader
			.prepare(`SELECT rowid FROM student_search WHERE folded_id MATCH ?`)
			.all('"ann"');
		expect(indexed).toEqual([{rowid: 1}]);
		expect(new Queries(reader).students({filter: 'ANN'})).toMatchObject({
			rows: [{studentId: 'ann', count: 3}],
			total: 1,
		});
	});

	it('keeps refusing replays of ids stored before the migration', () => {
		const file = schemaOneFile();
		const db = openWriter(file, source);
		const writer = new ScoreWriter(db);
		const replay = (eventId: string) => ({
			studentId: 'ann',
			exam: 8,
			score: 1,
			receivedAt: 2000,
			eventId,
		});

		const result = writer.write({
			scores: [replay('10'), replay('11'), replay('x-12'), replay('13')],
			rejects: [],
		});

		expect(result).toMatchObject({stored: 1, duplicates: 3});
		expect(new Queries(db).student('ann')).toMatchObject({count: 4});
		expect(new Queries(db).recent(1)[0]).toMatchObject({eventId: '13'});
		db.close();
	});

	it('upgrades a schema 1 file when a reader opens it first', () => {
		const file = schemaOneFile();

		const reader = openReader(file);

		expect(reader.pragma('user_version', {simple: true})).toBe(schemaVersion);
		expect(new Queries(reader).student('ann')).toMatchObject({count: 3});
	});

	it('refuses a reader on a file that is not a scoretop database', () => {
		const file = tempDb();
		new BetterSqlite3(file).exec('CREATE TABLE other (x)');

		expect(() => openReader(file)).toThrow(
			`${file} is not a scoretop database: pass another --db`,
		);
	});
});
