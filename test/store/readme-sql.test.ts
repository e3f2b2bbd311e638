import {execFileSync} from 'node:child_process';
import fs from 'node:fs';
import {describe, expect, it} from 'vitest';
import {openReader, openWriter} from '../../source/store/database.js';
import {Queries} from '../../source/store/queries.js';
import type {ScoreRecord} from '../../source/store/records.js';
import {schemaVersion} from '../../source/store/schema.js';
import {ScoreWriter} from '../../source/store/score-writer.js';
import {createScoreGenerator} from '../../source/stream/score-generator.js';
import {
	defaultRosterSize,
	defaultSeed,
} from '../../source/stream/stream-server.js';
import {tempDb} from '../helpers/temp-dir.js';

const shell = '/usr/bin/sqlite3';
const student = 'Alice70';
const exam = 10_120;

function storageSection(): string {
	const readme = fs.readFileSync('README.md', 'utf8');
	const start = readme.indexOf('## Storage');
	return readme.slice(start, readme.indexOf('\n## ', start + 1));
}

/** README's Storage section, one statement at a time, comments dropped. */
function readmeStatements(): string[] {
	const block = /```sql\n([\s\S]*?)```/.exec(storageSection())?.[1] ?? '';
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

/** The first 10 exams of the built-in stream with the default seed. */
function demoScores(): ScoreRecord[] {
	const generator = createScoreGenerator({
		seed: defaultSeed,
		rosterSize: defaultRosterSize,
	});
	return Array.from({length: 10 * defaultRosterSize}, (_, index) => ({
		...generator.eventAt(index + 1),
		receivedAt: 1_700_000_000_000 + index,
		eventId: String(index + 1),
	}));
}

function storeOf(records: ScoreRecord[]): string {
	const file = tempDb();
	const db = openWriter(file, 'http://127.0.0.1:1/scores');
	new ScoreWriter(db).write({scores: records, rejects: []});
	db.close();
	return file;
}

function run(file: string, sql: string): Array<Record<string, unknown>> {
	const output = execFileSync(shell, ['-readonly', '-json', file, sql], {
		encoding: 'utf8',
	});
	return output.trim() === '' ? [] : (JSON.parse(output) as []);
}

/** Runs every statement in the shell and checks it against Queries. */
function checkAnswers(file: string): Array<Array<Record<string, unknown>>> {
	const db = openReader(file);
	try {
		const queries = new Queries(db);
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
		return answers;
	} finally {
		db.close();
	}
}

describe("README's Storage section", () => {
	it('names the current schema version', () => {
		const storage = storageSection();
		expect(storage).toContain(`Schema ${schemaVersion} (\`schemaVersion\``);
		expect(storage).toContain(`schema 1\nto ${schemaVersion - 1} `);
	});
});

describe("README's SQL in the sqlite3 shell", () => {
	// The shell is a system package, not a dependency: without it there is
	// nothing to run the README's SQL with.
	it.skipIf(!fs.existsSync(shell))(
		'answers the four questions as Queries does',
		() => {
			const answers = checkAnswers(storeOf(scores()));
			expect(answers[1]).toHaveLength(3);
			expect(answers[4]).toHaveLength(8);
		},
	);

	it.skipIf(!fs.existsSync(shell))(
		'answers every question on a demo database of the built-in stream',
		() => {
			const answers = checkAnswers(storeOf(demoScores()));
			expect(answers.map((rows) => rows.length)).toEqual([
				defaultRosterSize,
				10,
				1,
				10,
				defaultRosterSize,
				1,
			]);
		},
	);
});
