import type {Database, Statement} from 'better-sqlite3';
import {
	addResult,
	averageOf,
	bucketOf,
	emptyAggregate,
	type Aggregate,
} from './aggregate.js';
import {decodeUnits, encodeUnits} from './exact-sum.js';
import type {Batch, ScoreRecord} from './records.js';

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

type ExamAggregate = Aggregate & {distribution: number[]};

type AggregateRow = {
	result_count: number;
	sum_units: string;
	min_score: number;
	max_score: number;
	first_seen: number;
	last_seen: number;
};

/**
 * The only writer. Each batch is one transaction holding the scores, the
 * aggregates they change and the resume id, so a reader or a crash never
 * sees scores without their aggregates.
 */
export class ScoreWriter {
	private readonly studentIds = new Map<string, number>();
	private readonly statements: ReturnType<typeof prepare>;
	private readonly commit: (batch: Batch) => WriteResult;

	constructor(private readonly db: Database) {
		this.statements = prepare(db);
		this.commit = db.transaction((batch: Batch) => this.apply(batch));
	}

	write(batch: Batch): WriteResult {
		return this.commit(batch);
	}

	private apply(batch: Batch): WriteResult {
		const students = new Map<number, Aggregate>();
		const exams = new Map<number, ExamAggregate>();
		const storedScores: ScoreRecord[] = [];

		for (const score of batch.scores) {
			const student = this.studentKey(score.studentId, score.receivedAt);
			const inserted = this.statements.insertScore.run(
				student,
				score.exam,
				score.score,
				score.receivedAt,
				storedEventId(score.eventId),
				score.inheritedId ? 1 : 0,
			);
			if (inserted.changes === 0) {
				continue;
			}

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

		const newStudents = this.mergeStudents(students);
		const newExams = this.mergeExams(exams);
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

	private studentKey(studentId: string, receivedAt: number): number {
		const cached = this.studentIds.get(studentId);
		if (cached !== undefined) {
			return cached;
		}

		const row = this.statements.findStudent.get(studentId) as
			{id: number} | undefined;
		const id =
			row?.id ??
			Number(
				this.statements.insertStudent.run(studentId, receivedAt, receivedAt)
					.lastInsertRowid,
			);
		this.studentIds.set(studentId, id);
		return id;
	}

	private mergeStudents(students: Map<number, Aggregate>): number {
		let fresh = 0;
		for (const [id, added] of students) {
			const row = this.statements.readStudent.get(id) as AggregateRow;
			fresh += row.result_count === 0 ? 1 : 0;
			const total = merge(fromRow(row), added);
			this.statements.updateStudent.run(...toColumns(total), id);
		}

		return fresh;
	}

	private mergeExams(exams: Map<number, ExamAggregate>): number {
		let fresh = 0;
		for (const [exam, added] of exams) {
			const row = this.statements.readExam.get(exam) as
				(AggregateRow & {distribution: string}) | undefined;
			fresh += row ? 0 : 1;
			const total = row ? merge(fromRow(row), added) : added;
			const distribution = row
				? addBuckets(
						JSON.parse(row.distribution) as number[],
						added.distribution,
					)
				: added.distribution;
			this.statements.upsertExam.run(
				exam,
				...toColumns(total),
				JSON.stringify(distribution),
			);
		}

		return fresh;
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
			`INSERT OR IGNORE INTO scores (student, exam, score, received_at, event_id,
			   id_inherited)
			 VALUES (?, ?, ?, ?, ?, ?)`,
		),
		insertReject: statement(
			`INSERT INTO rejects (received_at, reason, data, event_id) VALUES (?, ?, ?, ?)`,
		),
		findStudent: statement(`SELECT id FROM students WHERE student_id = ?`),
		insertStudent: statement(
			`INSERT INTO students (student_id, result_count, sum_units, average,
			   min_score, max_score, first_seen, last_seen)
			 VALUES (?, 0, '0', 0, 1, 0, ?, ?)`,
		),
		readStudent: statement(
			`SELECT result_count, sum_units, min_score, max_score, first_seen, last_seen
			 FROM students WHERE id = ?`,
		),
		updateStudent: statement(
			`UPDATE students SET result_count = ?, sum_units = ?, average = ?,
			   min_score = ?, max_score = ?, first_seen = ?, last_seen = ?
			 WHERE id = ?`,
		),
		readExam: statement(
			`SELECT result_count, sum_units, min_score, max_score, first_seen,
			   last_seen, distribution
			 FROM exams WHERE exam = ?`,
		),
		upsertExam: statement(
			`INSERT OR REPLACE INTO exams (exam, result_count, sum_units, average,
			   min_score, max_score, first_seen, last_seen, distribution)
			 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		),
		setMeta: statement(
			`INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)`,
		),
		clearMeta: statement(`DELETE FROM meta WHERE key = ?`),
	};
}

/**
 * Integer ids are stored as integers (smaller, and they sort), anything
 * else verbatim as text; both read back as the same string.
 */
export function storedEventId(
	eventId: string | undefined,
): string | number | null {
	if (eventId === undefined || eventId === '') {
		return null;
	}

	return /^(0|[1-9]\d{0,14})$/.test(eventId) ? Number(eventId) : eventId;
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

	addResult(studentTotal, score.score, score.receivedAt);

	let examTotal = exams.get(score.exam);
	if (!examTotal) {
		examTotal = {
			...emptyAggregate(),
			distribution: Array.from({length: 10}, () => 0),
		};
		exams.set(score.exam, examTotal);
	}

	addResult(examTotal, score.score, score.receivedAt);
	const bucket = bucketOf(score.score);
	examTotal.distribution[bucket] = (examTotal.distribution[bucket] ?? 0) + 1;
}

function fromRow(row: AggregateRow): Aggregate {
	if (row.result_count === 0) {
		return emptyAggregate();
	}

	return {
		count: row.result_count,
		units: decodeUnits(row.sum_units),
		min: row.min_score,
		max: row.max_score,
		firstSeen: row.first_seen,
		lastSeen: row.last_seen,
	};
}

function merge(stored: Aggregate, added: Aggregate): Aggregate {
	return {
		count: stored.count + added.count,
		units: stored.units + added.units,
		min: Math.min(stored.min, added.min),
		max: Math.max(stored.max, added.max),
		firstSeen: Math.min(stored.firstSeen, added.firstSeen),
		lastSeen: Math.max(stored.lastSeen, added.lastSeen),
	};
}

function addBuckets(stored: number[], added: number[]): number[] {
	return stored.map((count, index) => count + (added[index] ?? 0));
}

function toColumns(total: Aggregate) {
	return [
		total.count,
		encodeUnits(total.units),
		averageOf(total),
		total.min,
		total.max,
		total.firstSeen,
		total.lastSeen,
	] as const;
}
