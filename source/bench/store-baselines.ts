import fs from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import {benchScores} from './store-data.js';

/** What the obvious design costs, to compare the store with. */
export type Baseline = {
	/** Scores a second, batched like the store. */
	rate: number;
	bytesPerScore: number;
	/** Milliseconds for a page of students by average (GROUP BY), median. */
	studentsByAverageMs: number;
};

const obviousSchema = `
	CREATE TABLE scores (student_id TEXT NOT NULL, exam INTEGER NOT NULL,
		score REAL NOT NULL, received_at INTEGER NOT NULL, event_id TEXT UNIQUE);
	CREATE INDEX scores_by_student ON scores (student_id, exam);
	CREATE INDEX scores_by_exam ON scores (exam, score);
`;

/** One INSERT, one transaction, default pragmas: the naive writer. */
export function naiveRate(file: string): number {
	const db = new BetterSqlite3(file);
	db.exec(obviousSchema);
	const insert = db.prepare(
		`INSERT OR IGNORE INTO scores VALUES (?, ?, ?, ?, ?)`,
	);
	const started = performance.now();
	let count = 0;
	for (const score of benchScores(5000, 100)) {
		insert.run(score.studentId, score.exam, score.score, 0, score.eventId);
		count += 1;
		// Bounded in time as well: fsync-bound disks differ a lot.
		if (performance.now() - started > 5000) {
			break;
		}
	}

	const rate = (count / (performance.now() - started)) * 1000;
	db.close();
	return rate;
}

/**
 * The obvious design done well: one table of scores with its ids and two
 * indexes, WAL, batches of 4,000, and averages computed when asked.
 */
export function obviousDesign(
	file: string,
	scores: number,
	students: number,
): Baseline {
	const db = new BetterSqlite3(file);
	db.pragma('journal_mode = WAL');
	db.pragma('synchronous = NORMAL');
	db.exec(obviousSchema);
	const insert = db.prepare(
		`INSERT OR IGNORE INTO scores VALUES (?, ?, ?, ?, ?)`,
	);
	const commit = db.transaction((batch: unknown[][]) => {
		for (const values of batch) {
			insert.run(...values);
		}
	});

	let batch: unknown[][] = [];
	let busyMs = 0;
	const flush = () => {
		const started = performance.now();
		commit(batch);
		busyMs += performance.now() - started;
		batch = [];
	};

	for (const score of benchScores(scores, students)) {
		batch.push([
			score.studentId,
			score.exam,
			score.score,
			score.receivedAt,
			score.eventId,
		]);
		if (batch.length >= 4000) {
			flush();
		}
	}

	flush();
	db.pragma('wal_checkpoint(TRUNCATE)');
	const stored = (
		db.prepare(`SELECT count(*) AS n FROM scores`).get() as {
			n: number;
		}
	).n;
	const studentsByAverageMs = medianMs(3, () =>
		db
			.prepare(
				`SELECT student_id, count(*), avg(score) AS average FROM scores
				 GROUP BY student_id ORDER BY average DESC LIMIT 100`,
			)
			.all(),
	);
	db.close();

	return {
		rate: (stored / busyMs) * 1000,
		bytesPerScore: fs.statSync(file).size / stored,
		studentsByAverageMs,
	};
}

function medianMs(runs: number, run: () => unknown): number {
	const times: number[] = [];
	for (let index = 0; index < runs; index++) {
		const started = performance.now();
		run();
		times.push(performance.now() - started);
	}

	times.sort((a, b) => a - b);
	return times[Math.floor(runs / 2)]!;
}
