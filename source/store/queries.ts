import type {Database, Statement} from 'better-sqlite3';
import type {
	ExamDetail,
	ExamSummary,
	Page,
	RejectRow,
	Result,
	StudentDetail,
	StudentSort,
	StudentsQuery,
	StudentSummary,
	Totals,
} from './query-types.js';
import {filterStudents} from './student-filter.js';

const studentColumns = `student_id AS studentId, result_count AS count,
	average, min_score AS min, max_score AS max,
	first_seen AS firstSeen, last_seen AS lastSeen`;

const examColumns = `exam, result_count AS count, average,
	min_score AS min, max_score AS max,
	first_seen AS firstSeen, last_seen AS lastSeen`;

// Times are stored after the file's time base; ids in runs or event_ids.
const resultColumns = `st.student_id AS studentId, s.exam, s.score,
	s.received_at + (SELECT CAST(value AS INTEGER) FROM meta
		WHERE key = 'time_base') AS receivedAt,
	coalesce(
		(SELECT event_id FROM event_ids WHERE row = s.id),
		(SELECT r.first_id + s.id - r.first_row FROM id_runs r
		 WHERE r.first_row = (SELECT max(first_row) FROM id_runs
			WHERE first_row <= s.id)
		   AND s.id < r.first_row + r.length)) AS eventId`;

/** A student's rows: one index seek per chunk of 65,536 rows. */
// CROSS JOIN keeps chunks outermost, and the unary + stops SQLite from
// turning the chunk into a rowid lookup: without both it builds an
// automatic index over every score on each call (40 ms at a million).
const studentRows = `FROM chunks c
	CROSS JOIN scores s ON (s.id >> 16) = +c.chunk AND s.student = ?
	JOIN students st ON st.id = s.student`;

/** An exam's rows: a scan of its spans, which hold little else. */
const examRows = `FROM exam_spans sp
	JOIN scores s ON s.id BETWEEN sp.first_row AND sp.last_row
		AND s.exam = sp.exam
	JOIN students st ON st.id = s.student`;

/**
 * Ties are broken by count, then id, so every order is total and stable.
 * Ascending is the exact reverse of descending, so each order is one
 * index read in either direction, never a sort.
 */
const studentOrders: Record<StudentSort, [string, string]> = {
	id: ['student_id ASC', 'student_id DESC'],
	average: [
		'average ASC, result_count ASC, student_id DESC',
		'average DESC, result_count DESC, student_id ASC',
	],
	count: [
		'result_count ASC, student_id DESC',
		'result_count DESC, student_id ASC',
	],
	lastSeen: [
		'last_seen ASC, student_id DESC',
		'last_seen DESC, student_id ASC',
	],
};

/**
 * Every read scoretop makes. Each call is one statement, so it reads one
 * committed snapshot and never half a batch.
 */
export class Queries {
	/** Prepared once per connection: preparing costs more than a seek. */
	private readonly statements = new Map<string, Statement>();

	constructor(private readonly db: Database) {}

	/**
	 * Runs several reads in one read transaction, so they all see the same
	 * committed batches (a single call needs none of this).
	 */
	snapshot<T>(read: (queries: Queries) => T): T {
		return this.db.transaction(() => read(this))();
	}

	totals(): Totals {
		return this.prepare(
			`SELECT
					(SELECT value FROM counts WHERE name = 'scores') AS scores,
					(SELECT value FROM counts WHERE name = 'students') AS students,
					(SELECT value FROM counts WHERE name = 'exams') AS exams,
					(SELECT value FROM counts WHERE name = 'rejects') AS rejects`,
		).get() as Totals;
	}

	recent(limit: number): Result[] {
		const rows = this.prepare(
			`SELECT ${resultColumns} FROM scores s
				 JOIN students st ON st.id = s.student
				 ORDER BY s.id DESC LIMIT ?`,
		).all(limit) as Result[];
		return rows.map(normaliseResult);
	}

	students(query: StudentsQuery = {}): Page<StudentSummary> {
		const sort = query.sort ?? 'id';
		const order = studentOrders[sort][query.descending ? 1 : 0];
		const offset = query.offset ?? 0;
		const limit = query.limit ?? 100;
		if (!query.filter) {
			// Every row has a result (a student is only written with one), so
			// no WHERE: skipping the offset then stays inside the index.
			const rows = this.prepare(
				`SELECT ${studentColumns} FROM students
				 ORDER BY ${order} LIMIT ? OFFSET ?`,
			).all(limit, offset) as StudentSummary[];
			return {rows, total: this.totals().students, offset};
		}

		return filterStudents((sql) => this.prepare(sql), {
			filter: query.filter,
			columns: studentColumns,
			order,
			offset,
			limit,
			students: this.totals().students,
		});
	}

	student(studentId: string, limit = 10_000): StudentDetail | undefined {
		const summary = this.prepare(
			`SELECT id, ${studentColumns} FROM students
				 WHERE student_id = ? AND result_count > 0`,
		).get(studentId) as (StudentSummary & {id: number}) | undefined;
		if (!summary) {
			return undefined;
		}

		const results = this.prepare(
			`SELECT ${resultColumns} ${studentRows}
				 ORDER BY s.exam, s.id LIMIT ?`,
		).all(summary.id, limit) as Result[];
		const {id: _id, ...rest} = summary;

		return {...rest, results: results.map(normaliseResult)};
	}

	exams(offset = 0, limit = 100, descending = false): Page<ExamSummary> {
		const rows = this.prepare(
			`SELECT ${examColumns} FROM exams
				 ORDER BY exam ${descending ? 'DESC' : 'ASC'} LIMIT ? OFFSET ?`,
		).all(limit, offset) as ExamSummary[];
		const total = this.totals().exams;

		return {rows, total, offset};
	}

	exam(exam: number, limit = 10_000): ExamDetail | undefined {
		const summary = this.prepare(
			`SELECT ${examColumns}, distribution FROM exams WHERE exam = ?`,
		).get(exam) as (ExamSummary & {distribution: string}) | undefined;
		if (!summary) {
			return undefined;
		}

		const results = this.prepare(
			`SELECT ${resultColumns} ${examRows}
				 WHERE sp.exam = ? ORDER BY s.score DESC, s.id LIMIT ?`,
		).all(exam, limit) as Result[];

		return {
			...summary,
			distribution: JSON.parse(summary.distribution) as number[],
			results: results.map(normaliseResult),
		};
	}

	leaderboard(
		limit: number,
		options: {bottom?: boolean; minCount?: number} = {},
	): StudentSummary[] {
		const order = studentOrders.average[options.bottom ? 0 : 1];
		return this.prepare(
			`SELECT ${studentColumns} FROM students
				 WHERE result_count >= max(1, ?)
				 ORDER BY ${order} LIMIT ?`,
		).all(options.minCount ?? 1, limit) as StudentSummary[];
	}

	rejects(offset = 0, limit = 100): RejectRow[] {
		const rows = this.prepare(
			`SELECT received_at AS receivedAt, reason, data, event_id AS eventId
				 FROM rejects ORDER BY id LIMIT ? OFFSET ?`,
		).all(limit, offset) as RejectRow[];
		return rows.map((row) => ({...row, eventId: row.eventId ?? ''}));
	}

	private prepare(sql: string): Statement {
		let statement = this.statements.get(sql);
		if (!statement) {
			statement = this.db.prepare(sql);
			this.statements.set(sql, statement);
		}

		return statement;
	}

	/** The integer key of a student, or 0 (no row) when unknown. */
	private studentKey(studentId: string): number {
		const row = this.prepare(
			`SELECT id FROM students WHERE student_id = ?`,
		).get(studentId) as {id: number} | undefined;
		return row?.id ?? 0;
	}

	meta(key: string): string | undefined {
		const row = this.prepare(`SELECT value FROM meta WHERE key = ?`).get(
			key,
		) as {value: string} | undefined;
		return row?.value;
	}

	/** Every result in the order stored, one row at a time (exports). */
	*iterateScores(): Generator<Result> {
		const rows = this.db
			.prepare(
				`SELECT ${resultColumns} FROM scores s
				 JOIN students st ON st.id = s.student ORDER BY s.id`,
			)
			.iterate() as IterableIterator<Result>;
		for (const row of rows) {
			yield normaliseResult(row);
		}
	}

	/** Every student with a result, in a stable order, one row at a time. */
	iterateStudents(
		sort: StudentSort = 'id',
		descending = false,
	): IterableIterator<StudentSummary> {
		const order = studentOrders[sort][descending ? 1 : 0];
		return this.db
			.prepare(
				`SELECT ${studentColumns} FROM students
				 WHERE result_count > 0 ORDER BY ${order}`,
			)
			.iterate() as IterableIterator<StudentSummary>;
	}

	iterateExams(): IterableIterator<ExamSummary> {
		return this.db
			.prepare(`SELECT ${examColumns} FROM exams ORDER BY exam`)
			.iterate() as IterableIterator<ExamSummary>;
	}

	*iterateRejects(): Generator<RejectRow> {
		const rows = this.db
			.prepare(
				`SELECT received_at AS receivedAt, reason, data, event_id AS eventId
				 FROM rejects ORDER BY id`,
			)
			.iterate() as IterableIterator<RejectRow>;
		for (const row of rows) {
			yield {...row, eventId: row.eventId ?? ''};
		}
	}

	/** One page of a student's results, by exam (the HTTP API). */
	studentResults(studentId: string, offset: number, limit: number): Result[] {
		const rows = this.prepare(
			`SELECT ${resultColumns} ${studentRows}
				 ORDER BY s.exam, s.id LIMIT ? OFFSET ?`,
		).all(this.studentKey(studentId), limit, offset) as Result[];
		return rows.map(normaliseResult);
	}

	/** One page of an exam's results, best first (the HTTP API). */
	examResults(exam: number, offset: number, limit: number): Result[] {
		const rows = this.prepare(
			`SELECT ${resultColumns} ${examRows}
				 WHERE sp.exam = ? ORDER BY s.score DESC, s.id LIMIT ? OFFSET ?`,
		).all(exam, limit, offset) as Result[];
		return rows.map(normaliseResult);
	}
}

function normaliseResult(row: Result): Result {
	return {...row, eventId: row.eventId === null ? '' : String(row.eventId)};
}
