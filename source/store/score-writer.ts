import type {Database, Statement} from 'better-sqlite3';
import {
	addResult,
	bucketOf,
	emptyAggregate,
	type Aggregate,
} from './aggregate.js';
import {AggregateRows, type ExamAggregate} from './aggregate-rows.js';
import {EventIds} from './event-ids.js';
import {toUnits} from './exact-sum.js';
import {ExamSpans} from './exam-spans.js';
import type {Batch, ScoreRecord} from './records.js';
import {foldForSearch} from './student-search.js';

/** What one committed batch changed. */
export type WriteResult = {
	stored: number;
	duplicates: number;
	rejects: number;
	/** The batch's scores less the duplicates, in order. */
	storedScores: ScoreRecord[];
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
	private readonly commit: (batch: Batch) => WriteResult;
	private readonly timeBase: number;
	private nextRow = 1;
	private lastChunk = -1;

	constructor(private readonly db: Database) {
		this.statements = prepare(db);
		this.eventIds = new EventIds(db);
		this.spans = new ExamSpans(db);
		this.aggregates = new AggregateRows(db);
		this.commit = db.transaction((batch: Batch) => this.apply(batch));
		this.timeBase = Number(
			(this.statements.readMeta.get('time_base') as {value: string}).value,
		);
		this.loadNextRow();
	}

	write(batch: Batch): WriteResult {
		try {
			return this.commit(batch);
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

	private apply(batch: Batch): WriteResult {
		const students = new Map<number, Aggregate>();
		const exams = new Map<number, ExamAggregate>();
		const storedScores: ScoreRecord[] = [];

		for (const score of batch.scores) {
			const row = this.nextRow;
			if (!this.eventIds.claim(score.eventId, row, score.inheritedId)) {
				continue;
			}

			const student = this.studentKey(score.studentId, score.receivedAt);
			this.insert(row, student, score);
			storedScores.push(score);
			accumulate(students, exams, student, score);
		}

		for (const reject of batch.rejects) {
			this.statements.insertReject.run(
				reject.receivedAt,
				reject.reason,
				reject.data,
				reject.eventId ?? null,
			);
		}

		this.eventIds.flush();
		this.spans.flush(this.nextRow);
		const newStudents = this.aggregates.mergeStudents(students);
		const newExams = this.aggregates.mergeExams(exams);
		this.count('scores', storedScores.length);
		this.count('students', newStudents);
		this.count('exams', newExams);
		this.count('rejects', batch.rejects.length);
		this.saveResumeId(batch.resumeId);

		return {
			stored: storedScores.length,
			storedScores,
			duplicates: batch.scores.length - storedScores.length,
			rejects: batch.rejects.length,
			newStudents,
			newExams,
		};
	}

	private insert(row: number, student: number, score: ScoreRecord): void {
		this.statements.insertScore.run(
			row,
			student,
			score.exam,
			score.score,
			score.receivedAt - this.timeBase,
		);
		this.spans.add(score.exam, row);
		this.nextRow += 1;

		const chunk = row >> chunkBits;
		if (chunk !== this.lastChunk) {
			this.statements.insertChunk.run(chunk);
			this.lastChunk = chunk;
		}
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

function accumulate(
	students: Map<number, Aggregate>,
	exams: Map<number, ExamAggregate>,
	student: number,
	score: ScoreRecord,
): void {
	let studentTotal = students.get(student);
	if (!studentTotal) {
		studentTotal = emptyAggregate();
		students.set(student, studentTotal);
	}

	// A BigInt a score, shared by the student and the exam.
	const units = toUnits(score.score);
	addResult(studentTotal, score.score, score.receivedAt, units);

	let examTotal = exams.get(score.exam);
	if (!examTotal) {
		examTotal = {
			...emptyAggregate(),
			distribution: Array.from({length: 10}, () => 0),
		};
		exams.set(score.exam, examTotal);
	}

	addResult(examTotal, score.score, score.receivedAt, units);
	const bucket = bucketOf(score.score);
	examTotal.distribution[bucket] = (examTotal.distribution[bucket] ?? 0) + 1;
}
