import {describe, expect, it} from 'vitest';
import {openWriter} from '../../source/store/database.js';
import {Queries} from '../../source/store/queries.js';
import type {
	StudentSort,
	StudentSummary,
} from '../../source/store/query-types.js';
import type {ScoreRecord} from '../../source/store/records.js';
import {ScoreWriter} from '../../source/store/score-writer.js';
import {tempDb} from '../helpers/temp-dir.js';

const source = 'http://127.0.0.1:1/scores';

/** Many ties: counts 1-3, four distinct times, two distinct scores. */
function scores(): ScoreRecord[] {
	const made: ScoreRecord[] = [];
	for (let student = 0; student < 60; student++) {
		for (let k = 0; k <= student % 3; k++) {
			made.push({
				studentId: `s${String(student).padStart(2, '0')}`,
				exam: k,
				score: student % 2 === 0 ? 0.5 : 0.25,
				receivedAt: 1000 + (student % 4),
			});
		}
	}

	return made;
}

const keys: Record<StudentSort, (row: StudentSummary) => number[]> = {
	id: () => [],
	average: (row) => [row.average, row.count],
	count: (row) => [row.count],
	lastSeen: (row) => [row.lastSeen],
};

/** Descending by the sort's keys, ties by id ascending. */
function expected(rows: StudentSummary[], sort: StudentSort): string[] {
	return [...rows]
		.sort((a, b) => {
			const [left, right] = [keys[sort](a), keys[sort](b)];
			for (const [index, value] of left.entries()) {
				const other = right[index] ?? 0;
				if (value !== other) {
					return other - value;
				}
			}

			return a.studentId < b.studentId ? -1 : 1;
		})
		.map((row) => row.studentId);
}

describe('student orders', () => {
	const db = openWriter(tempDb(), source);
	new ScoreWriter(db).write({scores: scores(), rejects: []});
	const queries = new Queries(db);
	const all = queries.students({limit: 1000}).rows;

	it.each(['average', 'count', 'lastSeen'] as const)(
		'list by %s, most first, ties by id, and reverse exactly',
		(sort) => {
			const ids = (descending: boolean, offset: number) =>
				queries
					.students({sort, descending, offset, limit: 7})
					.rows.map((row) => row.studentId);
			const pages = (descending: boolean) =>
				Array.from({length: 9}, (_, page) => ids(descending, page * 7)).flat();

			expect(pages(true)).toEqual(expected(all, sort));
			expect(pages(false)).toEqual(expected(all, sort).reverse());
		},
	);

	it('filters by a piece of the id and counts every match', () => {
		const page = queries.students({
			filter: '1',
			sort: 'count',
			descending: true,
			limit: 3,
		});
		const matching = all.filter((row) => row.studentId.includes('1'));

		expect(page.total).toBe(matching.length);
		expect(page.rows.map((row) => row.studentId)).toEqual(
			expected(matching, 'count').slice(0, 3),
		);
	});
});
