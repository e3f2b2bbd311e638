import type {Database, Statement} from 'better-sqlite3';
import {AggregateRows} from './aggregate-rows.js';
import {BatchTotals} from './batch-totals.js';
import {EventIds} from './event-ids.js';
import {ExamSpans} from './exam-spans.js';
import type {Batch} from './records.js';
import {
	columnsOf,
	eventIdAt,
	type ColumnBatch,
	type PlacedReject,
	type ScoreColumns,
} from './score-columns.js';
import {foldForSearch} from './student-search.js';

/** What one committed batch changed. */
export type WriteResult = {
	stored: number;
	duplicates: number;
	rejects: number;
	/** Where in the batch the stored scores were (duplicates left out). */
	storedAt: Uint32Array;
	/** How many of the batch's scores were read: all of them, unless a limit stopped the batch short. */
	taken: number;
	/** Students and exams that had no result before this batch. */
	newStudents: number;
	newExams: number;
};

/** Rows per chunk of the student index: 2^16. */
const chunkBits = 16;

/**
 * The only writer. Each batch is one transaction holding the scores, the
 * aggregates they change, the id runs, exam spans and the resume id, so a
 * reader or a crash never sees scores without their aggregates.
 */
export class ScoreWriter {
	private readonly studentIds = new Map<string, number>();
	private readonly statements: ReturnType<typeof prepare>;
	private readonly eventIds: EventIds;
	private readonly spans: ExamSpans;
	private readonly aggregates: AggregateRows;
	private readonly commit: (batch: ColumnBatch, limit: number) => WriteResult;
	private readonly timeBase: number;
	private nextRow = 1;
	private lastChunk = -1;

	constructor(private readonly db: Database) {
		this.statements = prepare(db);
		this.eventIds = new EventIds(db);
		this.spans = new ExamSpans(db);
		this.aggregates = new AggregateRows(db);
		this.commit = db.transaction((batch: ColumnBatch, limit: number) =>
			this.apply(batch, limit),
		);
		this.timeBase = Number(
			(this.statements.readMeta.get('time_base') as {value: string}).value,
		);
		this.loadNextRow();
	}

	/** Commits a batch of records (every reject after the scores). */
	write(batch: Batch): WriteResult {
		const scores = columnsOf(batch.scores);
		const rejects = batch.rejects.map((reject) => ({
			...reject,
			position: scores.length,
		}));
		return this.writeColumns({scores, rejects, resumeId: batch.resumeId});
	}

	/**
	 * Commits a batch, storing at most `limit` of its scores: a capture that
	 * needs a few more takes only those, and what follows them in the batch
	 * (rejects included) is left for the stream to send again.
	 */
	writeColumns(
		batch: ColumnBatch,
		limit = Number.POSITIVE_INFINITY,
	): WriteResult {
		try {
			return this.commit(batch, limit);
		} catch (error) {
			// The rollback undid rows the memory still counts on.
			this.studentIds.clear();
			this.eventIds.reset();
			this.spans.reset();
			this.aggregates.reset();
			this.loadNextRow();
			throw error;
		}
	}

	private apply(batch: ColumnBatch, limit: number): WriteResult {
		const {scores} = batch;
		const totals = new BatchTotals();
		// Student keys by the batch's student index; 0 until looked up, since
		// a student is added only when a score of theirs is stored.
		const studentKeys = new Float64Array(scores.studentIds.length);
		const storedAt = new Uint32Array(scores.length);
		let stored = 0;
		let taken = 0;

		for (; taken < scores.length && stored < limit; taken += 1) {
			const row = this.nextRow;
			if (!this.claimId(scores, taken, row)) {
				continue;
			}

			const student = this.studentAt(scores, taken, studentKeys);
			this.insert(row, student, scores, taken);
			storedAt[stored] = taken;
			stored += 1;
			totals.add(
				student,
				scores.exam[taken]!,
				scores.score[taken]!,
				scores.receivedAt[taken]!,
			);
		}

		const rejects = rejectsBefore(batch.rejects, taken, scores.length);
		for (const reject of rejects) {
			this.statements.insertReject.run(
				reject.receivedAt,
				reject.reason,
				reject.data,
				reject.eventId ?? null,
			);
		}

		this.eventIds.flush();
		this.spans.flush(this.nextRow);
		const newStudents = this.aggregates.mergeStudents(
			totals.studentAggregates(),
		);
		const newExams = this.aggregates.mergeExams(totals.examAggregates());
		this.count('scores', stored);
		this.count('students', newStudents);
		this.count('exams', newExams);
		this.count('rejects', rejects.length);
		this.saveResumeId(
			taken === scores.length ? batch.resumeId : eventIdAt(scores, taken - 1),
		);

		return {
			stored,
			storedAt: storedAt.subarray(0, stored),
			taken,
			duplicates: taken - stored,
			rejects: rejects.length,
			newStudents,
			newExams,
		};
	}

	private claimId(scores: ScoreColumns, at: number, row: number): boolean {
		const number = scores.eventNumber[at]!;
		const inherited = scores.inherited[at] === 1;
		if (number >= 0 && !inherited) {
			return this.eventIds.claimNumber(number, row);
		}

		return this.eventIds.claim(eventIdAt(scores, at), row, inherited);
	}

	private insert(
		row: number,
		student: number,
		scores: ScoreColumns,
		at: number,
	): void {
		const exam = scores.exam[at]!;
		this.statements.insertScore.run(
			row,
			student,
			exam,
			scores.score[at]!,
			scores.receivedAt[at]! - this.timeBase,
		);
		this.spans.add(exam, row);
		this.nextRow += 1;

		const chunk = row >> chunkBits;
		if (chunk !== this.lastChunk) {
			this.statements.insertChunk.run(chunk);
			this.lastChunk = chunk;
		}
	}

	private studentAt(
		scores: ScoreColumns,
		at: number,
		keys: Float64Array,
	): number {
		const index = scores.student[at]!;
		let key = keys[index]!;
		if (key === 0) {
			key = this.studentKey(scores.studentIds[index]!, scores.receivedAt[at]!);
			keys[index] = key;
		}

		return key;
	}

	private studentKey(studentId: string, receivedAt: number): number {
		const cached = this.studentIds.get(studentId);
		if (cached !== undefined) {
			return cached;
		}

		const row = this.statements.findStudent.get(studentId) as
			{id: number} | undefined;
		const id = row?.id ?? this.addStudent(studentId, receivedAt);
		this.studentIds.set(studentId, id);
		return id;
	}

	private addStudent(studentId: string, receivedAt: number): number {
		const {lastInsertRowid} = this.statements.insertStudent.run(
			studentId,
			receivedAt,
			receivedAt,
		);
		const id = Number(lastInsertRowid);
		this.statements.indexStudent.run(id, foldForSearch(studentId));
		return id;
	}

	private count(name: string, added: number): void {
		if (added !== 0) {
			this.statements.addCount.run(added, name);
		}
	}

	private loadNextRow(): void {
		const {last} = this.statements.lastRow.get() as {last: number | null};
		this.nextRow = (last ?? 0) + 1;
		this.lastChunk = -1;
	}

	private saveResumeId(resumeId: string | null | undefined): void {
		if (resumeId === undefined) {
			return;
		}

		if (resumeId === null) {
			this.statements.clearMeta.run('last_event_id');
			return;
		}

		this.statements.setMeta.run('last_event_id', resumeId);
	}
}

function prepare(db: Database) {
	const statement = (sql: string): Statement => db.prepare(sql);

	return {
		insertScore: statement(
			`INSERT INTO scores (id, student, exam, score, received_at)
			 VALUES (?, ?, ?, ?, ?)`,
		),
		insertChunk: statement(`INSERT OR IGNORE INTO chunks (chunk) VALUES (?)`),
		lastRow: statement(`SELECT max(id) AS last FROM scores`),
		insertReject: statement(
			`INSERT INTO rejects (received_at, reason, data, event_id) VALUES (?, ?, ?, ?)`,
		),
		findStudent: statement(`SELECT id FROM students WHERE student_id = ?`),
		insertStudent: statement(
			`INSERT INTO students (student_id, result_count, sum_units, average,
			   min_score, max_score, first_seen, last_seen)
			 VALUES (?, 0, '0', 0, 1, 0, ?, ?)`,
		),
		indexStudent: statement(
			`INSERT INTO student_search (rowid, folded_id) VALUES (?, ?)`,
		),
		addCount: statement(`UPDATE counts SET value = value + ? WHERE name = ?`),
		readMeta: statement(`SELECT value FROM meta WHERE key = ?`),
		setMeta: statement(
			`INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)`,
		),
		clearMeta: statement(`DELETE FROM meta WHERE key = ?`),
	};
}

/**
 * The rejects a batch stores: all of them, or, when a limit stopped it
 * short, those that came before the first score it left.
 */
function rejectsBefore(
	rejects: PlacedReject[],
	taken: number,
	length: number,
): PlacedReject[] {
	if (taken === length) {
		return rejects;
	}

	return rejects.filter((reject) => reject.position < taken);
}
