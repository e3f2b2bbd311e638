import {mkdirSync, mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {parse} from 'csv-parse/sync';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {openReader, openWriter} from '../../source/store/database.js';
import {Queries} from '../../source/store/queries.js';
import {runCli} from '../cli/run-cli.js';
import {tempDb, tempDir} from '../helpers/temp-dir.js';
import {writeSampleStore} from './sample-store.js';

type Row = Record<string, string | number>;

const iso = (milliseconds: number) => new Date(milliseconds).toISOString();

/** Each view as the store answers it through the paged queries. */
function expectedViews(file: string): Record<string, Row[]> {
	const db = openReader(file);
	const queries = new Queries(db);
	const student = (row: ReturnType<Queries['leaderboard']>[number]) => ({
		studentId: row.studentId,
		count: row.count,
		average: row.average,
		min: row.min,
		max: row.max,
		lastSeen: iso(row.lastSeen),
	});
	const views = {
		scores: queries
			.recent(1000)
			.reverse()
			.map((row) => ({
				studentId: row.studentId,
				exam: row.exam,
				score: row.score,
				receivedAt: iso(row.receivedAt),
				eventId: row.eventId,
			})),
		students: queries.students({limit: 1000}).rows.map(student),
		exams: queries
			.exams(0, 1000)
			.rows.map(({exam, count, average, min, max}) => ({
				exam,
				count,
				average,
				min,
				max,
			})),
		leaderboard: queries
			.leaderboard(1000)
			.map((row, index) => ({rank: index + 1, ...student(row)})),
		rejects: queries.rejects(0, 1000).map(({receivedAt, reason, data}) => ({
			receivedAt: iso(receivedAt),
			reason,
			data,
		})),
	};
	db.close();
	return views;
}

/** What a CSV cell should hold: formula text gains a leading quote. */
function asCsv(row: Row): Row {
	return Object.fromEntries(
		Object.entries(row).map(([key, value]) => [
			key,
			typeof value === 'string' && /^[=+\-@\t\r]/.test(value)
				? `'${value}`
				: value,
		]),
	);
}

function parseCsv(text: string, like: Row | undefined): Row[] {
	const records = parse(text, {columns: true}) as Array<Record<string, string>>;
	return records.map((record) =>
		Object.fromEntries(
			Object.entries(record).map(([key, value]) => [
				key,
				typeof like?.[key] === 'number' ? Number(value) : value,
			]),
		),
	);
}

const viewNames = ['scores', 'students', 'exams', 'leaderboard', 'rejects'];
const cases = viewNames.flatMap((view) =>
	['csv', 'json', 'ndjson'].map((format) => [view, format] as const),
);

describe('export through the built CLI', () => {
	// One store for every case: tempDir() would be removed after the first.
	const directory = mkdtempSync(path.join(tmpdir(), 'scoretop-export-'));
	const file = path.join(directory, 'sample.db');
	let expected: Record<string, Row[]>;

	afterAll(() => {
		rmSync(directory, {recursive: true, force: true});
	});

	beforeAll(() => {
		writeSampleStore(file);
		expected = expectedViews(file);
	});

	it('has samples in every view', () => {
		for (const view of viewNames) {
			expect(expected[view]?.length, view).toBeGreaterThan(1);
		}
	});

	it.each(cases)('round-trips the %s view as %s', (view, format) => {
		const result = runCli(['--db', file, '--export', format, '--view', view]);
		expect(result.stderr).toBe('');
		expect(result.status).toBe(0);

		const rows = expected[view] ?? [];
		if (format === 'json') {
			expect(JSON.parse(result.stdout)).toEqual(rows);
		} else if (format === 'ndjson') {
			const lines = result.stdout.split('\n');
			expect(lines.pop()).toBe('');
			expect(lines.map((line) => JSON.parse(line) as Row)).toEqual(rows);
		} else {
			expect(parseCsv(result.stdout, rows[0])).toEqual(rows.map(asCsv));
		}
	});

	it('keeps the same fields in the same order in every format', () => {
		const csv = runCli(['--db', file, '--export', 'csv', '--view', 'scores']);
		const json = runCli(['--db', file, '--export', 'json']);
		const header = csv.stdout.split('\r\n')[0];
		const first = (JSON.parse(json.stdout) as Row[])[0] ?? {};
		expect(header).toBe('studentId,exam,score,receivedAt,eventId');
		expect(Object.keys(first).join(',')).toBe(header);
	});

	it('writes an empty array, or just the header, for an empty view', () => {
		const empty = tempDb();
		openWriter(empty, 'http://127.0.0.1:1/scores').close();

		const json = runCli(['--db', empty, '--export', 'json']);
		const csv = runCli(['--db', empty, '--export', 'csv', '--view', 'exams']);
		expect(json.stdout).toBe('[]\n');
		expect(csv.stdout).toBe('exam,count,average,min,max\r\n');
	});

	it('writes to --out and nothing to stdout', () => {
		const out = path.join(tempDir(), 'students.csv');
		const result = runCli([
			...['--db', file, '--export', 'csv', '--view', 'students'],
			...['--out', out],
		]);
		expect(result.status).toBe(0);
		expect(result.stdout).toBe('');
		const rows = expected.students ?? [];
		expect(parseCsv(readFileSync(out, 'utf8'), rows[0])).toEqual(
			rows.map(asCsv),
		);
	});
});

describe('export failures', () => {
	it.each([
		[['--db', 'missing.db', '--export', 'csv'], 1, 'no database at'],
		[['--export', 'csv', '--out', '/nonexistent/dir/x.csv'], 1, 'cannot write'],
		[['--view', 'students'], 2, '--view and --out go with --export'],
		[['--export', 'json', '--view', 'teachers'], 2, 'Unknown value'],
	])('%j exits %i with one line', (args, code, message) => {
		const home = tempDir();
		const db = path.join(home, 'present.db');
		openWriter(db, 'http://127.0.0.1:1/scores').close();
		const withDb = args.includes('--db') ? args : ['--db', db, ...args];

		const result = runCli(withDb, home);
		expect(result.status).toBe(code);
		expect(result.stderr).toContain(message);
		expect(result.stderr.trim().split('\n')).toHaveLength(1);
		expect(result.stdout).toBe('');
	});

	it('reads the default database for --url, and says so when there is none', () => {
		const home = tempDir();
		const url = 'http://127.0.0.1:9/scores';
		const missing = runCli(['--url', url, '--export', 'csv'], home);
		expect(missing.status).toBe(1);
		expect(missing.stderr).toContain(path.join(home, 'scoretop'));

		const file = missing.stderr.match(/no database at (\S+):/)?.[1] ?? '';
		// An export never makes the data directory; a run would.
		mkdirSync(path.dirname(file), {recursive: true});
		writeSampleStore(file, url);
		const found = runCli(['--url', url, '--export', 'ndjson'], home);
		expect(found.status).toBe(0);
		expect(found.stdout.trim().split('\n')).toHaveLength(8);
	});
});
