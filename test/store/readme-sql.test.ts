import {execFileSync} from 'node:child_process';
import fs from 'node:fs';
import {describe, expect, it} from 'vitest';
import {openReader, openWriter} from '../../source/store/database.js';
import {Queries} from '../../source/store/queries.js';
import type {ScoreRecord} from '../../source/store/records.js';
import {ScoreWriter} from '../../source/store/score-writer.js';
import {tempDb} from '../helpers/temp-dir.js';

const shell = '/usr/bin/sqlite3';
const student = 'Hannah.Herman76';
const exam = 14_102;

/** README's Storage section, one statement at a time, comments dropped. */
function readmeStatements(): string[] {
	const readme = fs.readFileSync('README.md', 'utf8');
	const storage = readme.slice(readme.indexOf('## Storage'));
	const block = /```sql\n([\s\S]*?)```/.exec(storage)?.[1] ?? '';
	return block
		.split(/;\s*\n/)
		.map((statement) =>
			statement
				.split('\n')
				.filter((line) => !line.startsWith('--'))
				.join('\n')
				.trim(),
		)
		.filter(Boolean);
}

/** Two exams, a repeated exam number, ids of every kind, distinct scores. */
function scores(): ScoreRecord[] {
	const others = ['ann', 'Bob', '日本'];
	const made: ScoreRecord[] = [];
	for (const [index, number] of [exam, exam + 1, exam].entries()) {
		for (const [k, studentId] of [student, ...others].entries()) {
			made.push({
				studentId,
				exam: number,
				score: (index * 4 + k + 1) / 17,
				receivedAt: 1_700_000_000_000 + made.length,
				eventId: k === 2 ? `text-${made.length}` : String(made.length + 1),
			});
		}
	}

	return made;
}

function run(file: string, sql: string): Array<Record<string, unknown>> {
	const output = execFileSync(shell, ['-readonly', '-json', file, sql], {
		encoding: 'utf8',
	});
	return output.trim() === '' ? [] : (JSON.parse(output) as []);
}

describe("README's SQL in the sqlite3 shell", () => {
	// The shell is a system package, not a dependency: without it there is
	// nothing to run the README's SQL with.
	it.skipIf(!fs.existsSync(shell))(
		'answers the four questions as Queries does',
		() => {
			const file = tempDb();
			const db = openWriter(file, 'http://127.0.0.1:1/scores');
			new ScoreWriter(db).write({scores: scores(), rejects: []});
			db.close();
			const queries = new Queries(openReader(file));
			const statements = readmeStatements();
			const answers = statements.map((sql) => run(file, sql));
			const detail = queries.student(student);
			const examDetail = queries.exam(exam);

			expect(statements).toHaveLength(6);
			expect(answers[0]).toEqual(
				queries.students({limit: 1000}).rows.map((row) => ({
					student_id: row.studentId,
					result_count: row.count,
					average: row.average,
				})),
			);
			expect(answers[1]).toEqual(
				detail?.results.map(({exam, score}) => ({exam, score})),
			);
			expect(answers[2]).toEqual([
				{result_count: detail?.count, average: detail?.average},
			]);
			expect(answers[3]).toEqual(
				queries.exams().rows.map((row) => ({
					exam: row.exam,
					result_count: row.count,
					average: row.average,
				})),
			);
			expect(answers[4]).toEqual(
				examDetail?.results.map((result) => ({
					student_id: result.studentId,
					score: result.score,
				})),
			);
			expect(answers[5]).toEqual([
				{result_count: examDetail?.count, average: examDetail?.average},
			]);
			expect(answers[1]).toHaveLength(3);
			expect(answers[4]).toHaveLength(8);
		},
	);
});
