import type {Database} from 'better-sqlite3';

/**
 * A trigram index over student ids, so a filter by a piece of the id reads
 * the ids that hold it instead of every id. The index keeps no copy of the
 * ids (content='') and no column sizes: positions alone answer a phrase.
 *
 * It must answer exactly as `student_id LIKE '%piece%'` does, which folds
 * only ASCII letters and reads a text up to its first NUL. The tokenizer's
 * own folding is Unicode's (the Kelvin sign would match a k), so it is
 * told to be case-sensitive and fed ids folded here the way LIKE folds.
 */
export const createStudentSearch = `
	CREATE VIRTUAL TABLE student_search USING fts5(
		folded_id,
		tokenize = 'trigram case_sensitive 1',
		content = '',
		detail = 'full',
		columnsize = 0
	)
`;

/** Schema 5: indexes the students already stored. */
export function addStudentSearch(db: Database): void {
	db.exec(createStudentSearch);
	const insert = db.prepare(
		`INSERT INTO student_search (rowid, folded_id) VALUES (?, ?)`,
	);
	const students = db
		.prepare(`SELECT id, student_id AS studentId FROM students`)
		.all() as Array<{id: number; studentId: string}>;
	for (const {id, studentId} of students) {
		insert.run(id, foldForSearch(studentId));
	}
}

/** The id as LIKE compares it: up to a NUL, ASCII letters in lower case. */
export function foldForSearch(studentId: string): string {
	const [visible = ''] = studentId.split('\u0000', 1);
	return visible.replaceAll(/[A-Z]+/g, (letters) => letters.toLowerCase());
}

/**
 * The filter as one FTS5 phrase, or undefined when the index cannot answer
 * it: a trigram index needs three characters, and LIKE ends its pattern at
 * a NUL, which only the plain scan reproduces.
 */
export function searchPhrase(filter: string): string | undefined {
	if ([...filter].length < 3 || filter.includes('\u0000')) {
		return undefined;
	}

	return `"${foldForSearch(filter).replaceAll('"', '""')}"`;
}
