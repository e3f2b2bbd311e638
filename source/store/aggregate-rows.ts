import type {Database} from 'better-sqlite3';
import {averageOf, emptyAggregate, type Aggregate} from './aggregate.js';
import {decodeUnits, encodeUnits} from './exact-sum.js';

export type ExamAggregate = Aggregate & {distribution: number[]};

type AggregateRow = {
	result_count: number;
	sum_units: string;
	min_score: number;
	max_score: number;
	first_seen: number;
	last_seen: number;
};

/**
 * Adds a batch's totals to the students and exams tables: one read and one
 * write per student or exam the batch touched, never a scan of scores.
 */
export class AggregateRows {
	private readonly statements: ReturnType<typeof prepare>;
	/** Student totals as stored: a read and a decode less per update. */
	private readonly studentTotals = new Map<number, Aggregate>();

	constructor(db: Database) {
		this.statements = prepare(db);
	}

	mergeStudents(students: Map<number, Aggregate>): number {
		let fresh = 0;
		for (const [id, added] of students) {
			const stored = this.studentTotals.get(id) ?? this.readStudent(id);
			fresh += stored.count === 0 ? 1 : 0;
			const total = merge(stored, added);
			this.statements.updateStudent.run(...toColumns(total), id);
			this.studentTotals.set(id, total);
		}

		return fresh;
	}

	/** After a rolled-back batch the memory no longer matches the file. */
	reset(): void {
		this.studentTotals.clear();
	}

	private readStudent(id: number): Aggregate {
		return fromRow(this.statements.readStudent.get(id) as AggregateRow);
	}

	mergeExams(exams: Map<number, ExamAggregate>): number {
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
}

function prepare(db: Database) {
	return {
		readStudent: db.prepare(
			`SELECT result_count, sum_units, min_score, max_score, first_seen, last_seen
			 FROM students WHERE id = ?`,
		),
		updateStudent: db.prepare(
			`UPDATE students SET result_count = ?, sum_units = ?, average = ?,
			   min_score = ?, max_score = ?, first_seen = ?, last_seen = ?
			 WHERE id = ?`,
		),
		readExam: db.prepare(
			`SELECT result_count, sum_units, min_score, max_score, first_seen,
			   last_seen, distribution
			 FROM exams WHERE exam = ?`,
		),
		upsertExam: db.prepare(
			`INSERT OR REPLACE INTO exams (exam, result_count, sum_units, average,
			   min_score, max_score, first_seen, last_seen, distribution)
			 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		),
	};
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
