import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {serve, type ServerType} from '@hono/node-server';
import type {AddressInfo} from 'node:net';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {createApi} from '../../source/serve/api.js';
import {openReader, openWriter} from '../../source/store/database.js';
import {Queries} from '../../source/store/queries.js';
import {ScoreWriter} from '../../source/store/score-writer.js';

// Ids a careless router mangles: separators, escapes, spaces, wide text.
const awkwardIds = [
	'a/b',
	'100%',
	'a%2Fb',
	'with space',
	'日本語 😀',
	'q?x=1#frag',
	'plus+sign',
];

const directory = mkdtempSync(path.join(tmpdir(), 'scoretop-api-'));
const file = path.join(directory, 'api.db');
let server: ServerType;
let base: string;
let closeDb: () => void;

beforeAll(async () => {
	const writer = openWriter(file, 'http://127.0.0.1:1/scores');
	const scores = awkwardIds.flatMap((studentId, index) => [
		{studentId, exam: 1, score: index / 10, receivedAt: 1000 + index},
		{studentId, exam: 2, score: 0.05, receivedAt: 2000 + index},
	]);
	for (let index = 0; index < 250; index++) {
		scores.push({
			studentId: `s${String(index).padStart(3, '0')}`,
			exam: 3 + (index % 5),
			score: (index % 100) / 100,
			receivedAt: 3000 + index,
		});
	}

	new ScoreWriter(writer).write({scores, rejects: []});
	writer.close();

	const db = openReader(file);
	closeDb = () => db.close();
	const app = createApi({
		queries: new Queries(db),
		health: () => ({healthy: true, body: {connection: 'open'}}),
	});
	await new Promise<void>((resolve) => {
		server = serve({fetch: app.fetch, port: 0, hostname: '127.0.0.1'}, () => {
			resolve();
		});
	});
	base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
	await new Promise((resolve) => {
		server.close(resolve);
	});
	closeDb();
	rmSync(directory, {recursive: true, force: true});
});

async function get(route: string) {
	const response = await fetch(`${base}${route}`);
	return {
		status: response.status,
		type: response.headers.get('content-type') ?? '',
		body: (await response.json()) as Record<string, any>,
	};
}

describe('the HTTP API over real HTTP', () => {
	it('lists students a page at a time, following next to the end', async () => {
		const seen: string[] = [];
		let route: string | null = '/students?limit=100';
		let pages = 0;
		while (route !== null) {
			const {status, body} = await get(route);
			expect(status).toBe(200);
			seen.push(
				...body.students.map((row: {studentId: string}) => row.studentId),
			);
			route = body.next as string | null;
			pages += 1;
		}

		expect(pages).toBe(3);
		expect(seen).toHaveLength(257);
		expect(new Set(seen).size).toBe(257);
		expect(seen).toEqual(expect.arrayContaining(awkwardIds));
	});

	it('gives each student count and average in the list', async () => {
		const {body} = await get('/students?limit=1&offset=0');
		expect(body.total).toBe(257);
		expect(body.students[0]).toMatchObject({
			count: expect.any(Number),
			average: expect.any(Number),
		});
	});

	it.each(awkwardIds)(
		'finds the student %j by its encoded id',
		async (studentId) => {
			const {status, body} = await get(
				`/students/${encodeURIComponent(studentId)}`,
			);
			expect(status).toBe(200);
			expect(body.studentId).toBe(studentId);
			expect(body.count).toBe(2);
			expect(body.results.map((row: {exam: number}) => row.exam)).toEqual([
				1, 2,
			]);
			const index = awkwardIds.indexOf(studentId);
			expect(body.average).toBe((index / 10 + 0.05) / 2);
		},
	);

	it('lists exams with count and average, and shows one exam with its results', async () => {
		const list = await get('/exams');
		expect(list.body.exams.map((row: {exam: number}) => row.exam)).toEqual([
			1, 2, 3, 4, 5, 6, 7,
		]);
		expect(list.body.next).toBeNull();

		const exam = await get('/exams/2?limit=3');
		expect(exam.status).toBe(200);
		expect(exam.body).toMatchObject({exam: 2, count: 7, average: 0.05});
		expect(exam.body.results).toHaveLength(3);
		expect(exam.body.next).toBe('/exams/2?limit=3&offset=3');
	});

	it('answers every result list with its total, on every page', async () => {
		const exam = await get('/exams/2?limit=3&offset=6');
		expect(exam.body).toMatchObject({total: 7, offset: 6, limit: 3});
		expect(exam.body.results).toHaveLength(1);
		expect(exam.body.next).toBeNull();

		const student = await get('/students/s007?limit=1');
		expect(student.body).toMatchObject({total: 1, offset: 0, limit: 1});
		const awkward = await get(`/students/${encodeURIComponent('a/b')}`);
		expect(awkward.body.total).toBe(2);
	});

	it('ranks the leaderboard by average across pages', async () => {
		const first = await get('/leaderboard?limit=2');
		const second = await get(first.body.next as string);
		const ranks = [...first.body.leaderboard, ...second.body.leaderboard];
		expect(ranks.map((row: {rank: number}) => row.rank)).toEqual([1, 2, 3, 4]);
		const averages = ranks.map((row: {average: number}) => row.average);
		expect(averages).toEqual([...averages].sort((a, b) => b - a));
	});

	it.each([
		['/students/nobody', 'no student "nobody"'],
		['/exams/99', 'no exam 99'],
		['/teachers', 'no route GET /teachers'],
	])('answers %s with 404 and a JSON error', async (route, message) => {
		const {status, type, body} = await get(route);
		expect(status).toBe(404);
		expect(type).toContain('application/json');
		expect(body).toEqual({error: message});
	});

	it.each([
		'/students?limit=0',
		'/students?limit=1001',
		'/students?limit=ten',
		'/students?offset=-1',
		'/leaderboard?offset=1.5',
		'/exams/abc',
		'/exams/-1',
		'/students/%E0%A4%A',
	])('answers %s with 400 and a JSON error', async (route) => {
		const {status, body} = await get(route);
		expect(status).toBe(400);
		expect(body.error).toEqual(expect.any(String));
	});

	it('reports health', async () => {
		const {status, body} = await get('/health');
		expect(status).toBe(200);
		expect(body).toEqual({connection: 'open'});
	});
});
