import type {Database} from 'better-sqlite3';
import {describe, expect, it} from 'vitest';
import {openWriter} from '../../source/store/database.js';
import {Queries} from '../../source/store/queries.js';
import type {StudentSort} from '../../source/store/query-types.js';
import type {ScoreRecord} from '../../source/store/records.js';
import {ScoreWriter} from '../../source/store/score-writer.js';
import {searchPhrase} from '../../source/store/student-search.js';
import {tempDb} from '../helpers/temp-dir.js';

const source = 'http://127.0.0.1:1/scores';

/** Seeded, so a failure names the same ids on every run. */
function random(seed: number): () => number {
	let state = seed;
	return () => {
		state = (state * 48_271) % 2_147_483_647;
		return state / 2_147_483_647;
	};
}

// LIKE folds A-Z only: the Kelvin sign, long s, É and the dotted İ must
// not match k, s, é and i, as Unicode folding would have them.
const alphabet = [
	...'aAbBkKsSeiI %_\\"*éÉ日😀',
	'\u212A',
	'\u017F',
	'\u0130',
	'\u0000',
	'\uD800',
];

const next = random(7);
const pick = <T>(items: readonly T[]): T =>
	items[Math.floor(next() * items.length)]!;
const word = (length: number) =>
	Array.from({length}, () => pick(alphabet)).join('');

/** Half the ids share "Stu" in some case, so some filters match densely. */
function studentIds(): string[] {
	const ids = new Set<string>();
	while (ids.size < 3000) {
		const body = word(1 + Math.floor(next() * 10));
		ids.add(next() < 0.5 ? `${pick(['Stu', 'sTU', 'STU'])}${body}` : body);
	}

	return [...ids];
}

/** A piece of a stored id with its ASCII case flipped at random, or noise. */
function filters(ids: string[]): string[] {
	const made = ['stu', 'STU.', 'k', 'é', '%', '_', '\\', '""', 'a\u0000b'];
	while (made.length < 300) {
		const id = [...pick(ids)];
		const start = Math.floor(next() * id.length);
		const piece = id.slice(start, start + 2 + Math.floor(next() * 5));
		const flipped = piece.map((character) =>
			next() < 0.5 ? character.toUpperCase() : character,
		);
		made.push(next() < 0.8 ? flipped.join('') : word(3));
	}

	return made;
}

function store(ids: string[]): Database {
	const db = openWriter(tempDb(), source);
	const scores: ScoreRecord[] = ids.flatMap((studentId, index) =>
		Array.from({length: 1 + (index % 3)}, (_, exam) => ({
			studentId,
			exam,
			score: (index % 7) / 7,
			receivedAt: 1000 + (index % 11),
		})),
	);
	new ScoreWriter(db).write({scores, rejects: []});
	return db;
}

/** What the plain scan answers: LIKE over every id. */
function likeMatches(db: Database, filter: string): Set<string> {
	const pattern = `%${filter.replaceAll(/[\\%_]/g, (c) => `\\${c}`)}%`;
	const rows = db
		.prepare(
			`SELECT student_id AS id FROM students WHERE student_id LIKE ? ESCAPE '\\'`,
		)
		.all(pattern) as Array<{id: string}>;
	return new Set(rows.map((row) => row.id));
}

describe('filtering students by a piece of the id', () => {
	const ids = studentIds();
	const db = store(ids);
	const queries = new Queries(db);
	const cases = filters(ids);

	it('finds through the trigram index exactly the ids LIKE finds', () => {
		const count = db.prepare(
			`SELECT count(*) AS n FROM student_search WHERE folded_id MATCH ?`,
		);
		const indexed = cases.filter((filter) => searchPhrase(filter));

		expect(indexed.length).toBeGreaterThan(150);
		for (const filter of indexed) {
			const {n} = count.get(searchPhrase(filter)) as {n: number};
			expect([filter, n]).toEqual([filter, likeMatches(db, filter).size]);
		}
	});

	it.each([
		['id', false],
		['average', true],
		['count', true],
		['lastSeen', false],
	] as Array<[StudentSort, boolean]>)(
		'pages by %s (descending %s) as the plain scan does',
		(sort, descending) => {
			const ordered = queries
				.students({sort, descending, limit: 10_000})
				.rows.map((row) => row.studentId);
			let dense = 0;

			for (const [index, filter] of cases.entries()) {
				const matches = likeMatches(db, filter);
				const offset = index % 3 === 0 ? 5 : 0;
				const limit = index % 2 === 0 ? 100 : 7;
				const page = queries.students({
					filter,
					sort,
					descending,
					offset,
					limit,
				});
				const expected = ordered
					.filter((id) => matches.has(id))
					.slice(offset, offset + limit);

				dense += matches.size > 1000 ? 1 : 0;
				expect([filter, page.total]).toEqual([filter, matches.size]);
				expect(page.rows.map((row) => row.studentId)).toEqual(expected);
			}

			expect(dense).toBeGreaterThan(1);
		},
	);

	it('indexes students added in later batches, in case', () => {
		const writer = new ScoreWriter(db);
		writer.write({
			scores: [{studentId: 'Late.Comer', exam: 1, score: 1, receivedAt: 2000}],
			rejects: [],
		});

		expect(queries.students({filter: 'E.cOM'}).rows).toMatchObject([
			{studentId: 'Late.Comer', count: 1},
		]);
	});
});
