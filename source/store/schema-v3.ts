import type {Database} from 'better-sqlite3';
import {extendSpan, type ExamSpan} from './exam-spans.js';

/**
 * Schema 3: under 50 bytes a score. Scores lose their event id column and
 * two of their three indexes: consecutive integer ids become runs, exams
 * are found through spans of rows, and students through an index on
 * (chunk of 65,536 rows, student) that a batch only touches at its end.
 * Times are kept as milliseconds after the file's time base (4 bytes for
 * 24 days, 6 after that, instead of always 6).
 */
const tables = `
	CREATE TABLE scores_v3 (
		id INTEGER PRIMARY KEY,
		student INTEGER NOT NULL,
		exam INTEGER NOT NULL,
		score REAL NOT NULL,
		received_at INTEGER NOT NULL
	) STRICT;

	CREATE TABLE chunks (chunk INTEGER PRIMARY KEY) STRICT;

	CREATE TABLE id_runs (
		first_row INTEGER PRIMARY KEY,
		first_id INTEGER NOT NULL UNIQUE,
		length INTEGER NOT NULL
	) STRICT;

	CREATE TABLE event_ids (
		row INTEGER PRIMARY KEY,
		event_id TEXT NOT NULL,
		inherited INTEGER NOT NULL
	) STRICT;
	CREATE UNIQUE INDEX event_ids_own ON event_ids (event_id)
		WHERE inherited = 0;

	CREATE TABLE exam_spans (
		exam INTEGER NOT NULL,
		first_row INTEGER NOT NULL,
		last_row INTEGER NOT NULL,
		result_count INTEGER NOT NULL,
		PRIMARY KEY (exam, first_row)
	) STRICT, WITHOUT ROWID;

	CREATE TABLE counts (
		name TEXT PRIMARY KEY,
		value INTEGER NOT NULL
	) STRICT, WITHOUT ROWID;
`;

const copyScores = `
	INSERT INTO scores_v3 (id, student, exam, score, received_at)
		SELECT id, student, exam, score, received_at - $base FROM scores ORDER BY id
`;

// A run is a stretch of consecutive rows whose ids rise with the rows.
const copyIds = `
	INSERT INTO event_ids (row, event_id, inherited)
		SELECT id, CAST(event_id AS TEXT), id_inherited FROM scores
		WHERE event_id IS NOT NULL
		  AND (id_inherited = 1 OR typeof(event_id) <> 'integer');

	INSERT INTO id_runs (first_row, first_id, length)
		SELECT min(id), min(event_id), count(*) FROM (
			SELECT id, event_id, id - row_number() OVER (
				PARTITION BY event_id - id ORDER BY id) AS island
			FROM scores
			WHERE typeof(event_id) = 'integer' AND id_inherited = 0)
		GROUP BY event_id - id, island;
`;

const finish = `
	DROP TABLE scores;
	ALTER TABLE scores_v3 RENAME TO scores;
	CREATE INDEX scores_by_chunk_student ON scores (id >> 16, student);
	INSERT INTO chunks SELECT DISTINCT id >> 16 FROM scores;
	DELETE FROM students WHERE result_count = 0;

	INSERT INTO counts (name, value) VALUES
		('scores', (SELECT count(*) FROM scores)),
		('students', (SELECT count(*) FROM students)),
		('exams', (SELECT count(*) FROM exams)),
		('rejects', (SELECT count(*) FROM rejects));

	CREATE VIEW results AS
	SELECT
		s.id AS row,
		st.student_id,
		s.exam,
		s.score,
		s.received_at + (SELECT CAST(value AS INTEGER) FROM meta
			WHERE key = 'time_base') AS received_at,
		coalesce(
			(SELECT event_id FROM event_ids WHERE row = s.id),
			(SELECT CAST(r.first_id + s.id - r.first_row AS TEXT) FROM id_runs r
			 WHERE r.first_row = (SELECT max(first_row) FROM id_runs
				WHERE first_row <= s.id)
			   AND s.id < r.first_row + r.length),
			'') AS event_id
	FROM scores s JOIN students st ON st.id = s.student;
`;

/** Converts a schema 2 file (or an empty one) in place. */
export function migrateToV3(db: Database): void {
	const first = db
		.prepare(`SELECT min(received_at) AS base FROM scores`)
		.get() as {base: number | null};
	const base = first.base ?? Date.now();

	db.exec(tables);
	db.prepare(copyScores).run({base});
	db.exec(copyIds);

	db.prepare(`INSERT INTO meta (key, value) VALUES ('time_base', ?)`).run(
		String(base),
	);
	saveSpans(db, buildSpans(db));
	db.exec(finish);
}

function buildSpans(db: Database): ExamSpan[] {
	const spans: ExamSpan[] = [];
	const open = new Map<number, ExamSpan>();
	const rows = db
		.prepare(`SELECT id, exam FROM scores ORDER BY id`)
		.iterate() as IterableIterator<{id: number; exam: number}>;

	for (const {id, exam} of rows) {
		if (!extendSpan(open.get(exam), id)) {
			const span = {exam, firstRow: id, lastRow: id, count: 1};
			open.set(exam, span);
			spans.push(span);
		}
	}

	return spans;
}

function saveSpans(db: Database, spans: ExamSpan[]): void {
	const insert = db.prepare(
		`INSERT INTO exam_spans (exam, first_row, last_row, result_count)
		 VALUES (?, ?, ?, ?)`,
	);
	for (const span of spans) {
		insert.run(span.exam, span.firstRow, span.lastRow, span.count);
	}
}
