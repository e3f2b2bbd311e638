import {Hono, type Context} from 'hono';
import type {Queries} from '../store/queries.js';
import {studentPath} from './student-path.js';
import {BadRequest, nextLink, readPage} from './page.js';
import {examShape, resultShape, studentShape} from './shapes.js';

export type ApiOptions = {
	queries: Queries;
	/** The body of GET /health, and whether the stream is still wanted. */
	health: () => {healthy: boolean; body: Record<string, unknown>};
};

/** The read-only HTTP API over the stored scores; every answer is JSON. */
export function createApi({queries, health}: ApiOptions): Hono {
	const app = new Hono();

	app.get('/students', (c) => {
		const page = readPage(c.req.query());
		const {rows, total} = queries.students({...page, sort: 'id'});
		return c.json({
			students: rows.map((row) => studentShape(row)),
			total,
			...page,
			next: nextLink('/students', page, rows.length, total),
		});
	});

	app.get('/students/*', (c) => {
		const studentId = studentPath(c.req.url);
		const summary = queries.student(studentId, 0);
		if (!summary) {
			return notFound(c, `no student "${studentId}"`);
		}

		const page = readPage(c.req.query());
		const results = queries.studentResults(studentId, page.offset, page.limit);
		return c.json({
			...studentShape(summary),
			results: results.map((row) => resultShape(row)),
			total: summary.count,
			...page,
			next: nextLink(
				new URL(c.req.url).pathname,
				page,
				results.length,
				summary.count,
			),
		});
	});

	app.get('/exams', (c) => {
		const page = readPage(c.req.query());
		const {rows, total} = queries.exams(page.offset, page.limit);
		return c.json({
			exams: rows.map((row) => examShape(row)),
			total,
			...page,
			next: nextLink('/exams', page, rows.length, total),
		});
	});

	app.get('/exams/:exam', (c) => {
		const exam = readExam(c.req.param('exam'));
		const summary = queries.exam(exam, 0);
		if (!summary) {
			return notFound(c, `no exam ${exam}`);
		}

		const page = readPage(c.req.query());
		const results = queries.examResults(exam, page.offset, page.limit);
		return c.json({
			...examShape(summary),
			distribution: summary.distribution,
			results: results.map((row) => resultShape(row)),
			total: summary.count,
			...page,
			next: nextLink(`/exams/${exam}`, page, results.length, summary.count),
		});
	});

	// The leaderboard pane's order: average, then count, then id.
	app.get('/leaderboard', (c) => {
		const page = readPage(c.req.query());
		const {rows, total} = queries.students({
			...page,
			sort: 'average',
			descending: true,
		});
		return c.json({
			leaderboard: rows.map((row, index) => ({
				rank: page.offset + index + 1,
				...studentShape(row),
			})),
			total,
			...page,
			next: nextLink('/leaderboard', page, rows.length, total),
		});
	});

	app.get('/health', (c) => {
		const {healthy, body} = health();
		return c.json(body, healthy ? 200 : 503);
	});

	app.notFound((c) => notFound(c, `no route ${c.req.method} ${c.req.path}`));
	app.onError((error, c) => {
		if (error instanceof BadRequest) {
			return c.json({error: error.message}, 400);
		}

		return c.json({error: 'internal error: see the server log'}, 500);
	});

	return app;
}

function notFound(c: Context, message: string) {
	return c.json({error: message}, 404);
}

function readExam(text: string): number {
	const exam = Number(text);
	if (!/^\d+$/.test(text) || !Number.isSafeInteger(exam)) {
		throw new BadRequest(`an exam is a whole number, not "${text}"`);
	}

	return exam;
}
