import type {Queries} from '../queries.js';
import type {StudentSummary} from '../query-types.js';
import type {Cell} from './format.js';

export type ViewName =
	'scores' | 'students' | 'exams' | 'leaderboard' | 'rejects';

/** What an export writes: its fields, and its rows as cells in field order. */
export type ExportView = {
	fields: readonly string[];
	rows(queries: Queries): Iterable<Cell[]>;
	/** How many rows rows() yields, for the progress bar. */
	total(queries: Queries): number;
};

const studentFields = [
	'studentId',
	'count',
	'average',
	'min',
	'max',
	'lastSeen',
] as const;

function iso(milliseconds: number): string {
	return new Date(milliseconds).toISOString();
}

function studentCells(student: StudentSummary): Cell[] {
	return [
		student.studentId,
		student.count,
		student.average,
		student.min,
		student.max,
		iso(student.lastSeen),
	];
}

function* map<T>(rows: Iterable<T>, cells: (row: T) => Cell[]) {
	for (const row of rows) {
		yield cells(row);
	}
}

function* ranked(rows: Iterable<StudentSummary>) {
	let rank = 0;
	for (const row of rows) {
		rank += 1;
		yield [rank, ...studentCells(row)];
	}
}

/** The five views, with the same fields in every format. */
export const views: Record<ViewName, ExportView> = {
	scores: {
		fields: ['studentId', 'exam', 'score', 'receivedAt', 'eventId'],
		rows: (queries) =>
			map(queries.iterateScores(), (result) => [
				result.studentId,
				result.exam,
				result.score,
				iso(result.receivedAt),
				result.eventId,
			]),
		total: (queries) => queries.totals().scores,
	},
	students: {
		fields: studentFields,
		rows: (queries) => map(queries.iterateStudents(), studentCells),
		total: (queries) => queries.totals().students,
	},
	exams: {
		fields: ['exam', 'count', 'average', 'min', 'max'],
		rows: (queries) =>
			map(queries.iterateExams(), (exam) => [
				exam.exam,
				exam.count,
				exam.average,
				exam.min,
				exam.max,
			]),
		total: (queries) => queries.totals().exams,
	},
	// Ranked by average, then by count, then by id: the leaderboard pane's order.
	leaderboard: {
		fields: ['rank', ...studentFields],
		rows: (queries) => ranked(queries.iterateStudents('average', true)),
		total: (queries) => queries.totals().students,
	},
	rejects: {
		fields: ['receivedAt', 'reason', 'data'],
		rows: (queries) =>
			map(queries.iterateRejects(), (reject) => [
				iso(reject.receivedAt),
				reject.reason,
				reject.data,
			]),
		total: (queries) => queries.totals().rejects,
	},
};
