import type {Database} from 'better-sqlite3';
import {migrateToV3} from './schema-v3.js';
import {addStudentSearch} from './student-search.js';

/** A step is SQL, or code where data must be rebuilt, not just altered. */
export type Migration = string | ((db: Database) => void);

/**
 * Every schema version in order. Version n's statements take a database at
 * version n-1 to version n, so any earlier file can be brought forward.
 */
export const migrations: readonly Migration[] = [
	`
	CREATE TABLE meta (
		key TEXT PRIMARY KEY,
		value TEXT NOT NULL
	) STRICT, WITHOUT ROWID;

	CREATE TABLE students (
		id INTEGER PRIMARY KEY,
		student_id TEXT NOT NULL UNIQUE,
		result_count INTEGER NOT NULL,
		sum_units TEXT NOT NULL,
		average REAL NOT NULL,
		min_score REAL NOT NULL,
		max_score REAL NOT NULL,
		first_seen INTEGER NOT NULL,
		last_seen INTEGER NOT NULL
	) STRICT;
	CREATE INDEX students_by_average
		ON students (average DESC, result_count DESC, student_id);
	CREATE INDEX students_by_count ON students (result_count);
	CREATE INDEX students_by_last_seen ON students (last_seen);

	CREATE TABLE exams (
		exam INTEGER PRIMARY KEY,
		result_count INTEGER NOT NULL,
		sum_units TEXT NOT NULL,
		average REAL NOT NULL,
		min_score REAL NOT NULL,
		max_score REAL NOT NULL,
		first_seen INTEGER NOT NULL,
		last_seen INTEGER NOT NULL,
		distribution TEXT NOT NULL
	) STRICT;

	CREATE TABLE scores (
		id INTEGER PRIMARY KEY,
		student INTEGER NOT NULL REFERENCES students (id),
		exam INTEGER NOT NULL,
		score REAL NOT NULL,
		received_at INTEGER NOT NULL,
		event_id ANY
	) STRICT;
	CREATE INDEX scores_by_student ON scores (student, exam);
	CREATE INDEX scores_by_exam ON scores (exam, score);
	CREATE UNIQUE INDEX scores_by_event_id ON scores (event_id)
		WHERE event_id IS NOT NULL;

	CREATE TABLE rejects (
		id INTEGER PRIMARY KEY,
		received_at INTEGER NOT NULL,
		reason TEXT NOT NULL,
		data TEXT NOT NULL,
		event_id TEXT
	) STRICT;
	`,
	// An event without an id line of its own carries the last id seen: it
	// is kept, but only an event's own id may mark it as already stored.
	`
	ALTER TABLE scores ADD COLUMN id_inherited INTEGER NOT NULL DEFAULT 0;
	DROP INDEX scores_by_event_id;
	CREATE UNIQUE INDEX scores_by_event_id ON scores (event_id)
		WHERE event_id IS NOT NULL AND id_inherited = 0;
	`,
	migrateToV3,
	// The students pane lists by count or last seen, most first, ties by id:
	// with the id in the index a page is read in order, never sorted.
	`
	DROP INDEX students_by_count;
	DROP INDEX students_by_last_seen;
	CREATE INDEX students_by_count ON students (result_count DESC, student_id);
	CREATE INDEX students_by_last_seen ON students (last_seen DESC, student_id);
	`,
	// A filter by a piece of the id reads a trigram index, not every id.
	addStudentSearch,
];

export const schemaVersion = migrations.length;

/** Brings the file to the current version, one transaction per step. */
export function migrate(db: Database): void {
	const current = db.pragma('user_version', {simple: true}) as number;

	for (let version = current + 1; version <= schemaVersion; version++) {
		const step = migrations[version - 1] ?? '';
		db.transaction(() => {
			if (typeof step === 'string') {
				db.exec(step);
			} else {
				step(db);
			}

			db.pragma(`user_version = ${version}`);
		})();
	}
}
