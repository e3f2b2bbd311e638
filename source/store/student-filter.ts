import type {Statement} from 'better-sqlite3';
import type {Page, StudentSummary} from './query-types.js';
import {searchPhrase} from './student-search.js';

export type FilterQuery = {
	filter: string;
	/** The SELECT list and ORDER BY terms, over the students table. */
	columns: string;
	order: string;
	offset: number;
	limit: number;
	/** Every student stored, to judge how dense the matches are. */
	students: number;
};

/**
 * Students whose id holds the filter (ASCII case folded, as LIKE does).
 * Three characters or more are looked up in the trigram index; shorter
 * filters read every id, which the index cannot avoid.
 */
export function filterStudents(
	prepare: (sql: string) => Statement,
	query: FilterQuery,
): Page<StudentSummary> {
	const like = `%${escapeLike(query.filter)}%`;
	const phrase = searchPhrase(query.filter);
	const {offset, limit} = query;
	const scan = () =>
		prepare(
			`SELECT ${query.columns} FROM students
			 WHERE student_id LIKE ? ESCAPE '\\'
			 ORDER BY ${query.order} LIMIT ? OFFSET ?`,
		).all(like, limit, offset) as StudentSummary[];

	if (phrase === undefined) {
		const {total} = prepare(
			`SELECT count(*) AS total FROM students
			 WHERE student_id LIKE ? ESCAPE '\\'`,
		).get(like) as {total: number};
		return {rows: total === 0 ? [] : scan(), total, offset};
	}

	const {total} = prepare(
		`SELECT count(*) AS total FROM student_search WHERE folded_id MATCH ?`,
	).get(phrase) as {total: number};
	if (total === 0) {
		return {rows: [], total, offset};
	}

	// Dense matches are met soon enough along the order's index; sparse
	// ones are cheaper fetched by key and sorted.
	const scanned = ((offset + limit) * query.students) / total;
	if (scanned < total) {
		return {rows: scan(), total, offset};
	}

	const rows = prepare(
		`SELECT ${query.columns} FROM student_search f
		 CROSS JOIN students ON students.id = f.rowid
		 WHERE f.folded_id MATCH ?
		 ORDER BY ${query.order} LIMIT ? OFFSET ?`,
	).all(phrase, limit, offset) as StudentSummary[];
	return {rows, total, offset};
}

function escapeLike(text: string): string {
	return text.replaceAll(/[\\%_]/g, (character) => `\\${character}`);
}
