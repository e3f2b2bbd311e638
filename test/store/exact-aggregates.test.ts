import {describe, expect, it} from 'vitest';
import {meanOf, toUnits} from '../../source/store/exact-sum.js';
import {openReader, openWriter} from '../../source/store/database.js';
import {Queries} from '../../source/store/queries.js';
import type {ScoreRecord} from '../../source/store/records.js';
import {ScoreWriter} from '../../source/store/score-writer.js';
import {tempDb} from '../helpers/temp-dir.js';

const source = 'http://127.0.0.1:1/scores';

/** A small seeded generator, so a failure can be replayed. */
function random(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
		return state / 2 ** 32;
	};
}

/** Bursts over rising exams, restarts that reuse exam numbers, replays. */
function stream(count: number, seed: number): ScoreRecord[] {
	const next = random(seed);
	const scores: ScoreRecord[] = [];
	let exam = 100;
	let id = 0;
	while (scores.length < count) {
		for (let k = 0; k < 5 + Math.floor(next() * 20); k++) {
			id += 1;
			scores.push({
				studentId: `s${Math.floor(next() * 40)}`,
				exam,
				score: next(),
				receivedAt: 1_700_000_000_000 + scores.length,
				eventId: next() < 0.1 ? `text-${id}` : String(id),
			});
		}

		exam += next() < 0.1 ? -3 : 1;
		// A reconnect replays the last few events.
		if (next() < 0.2) {
			scores.push(...scores.slice(-3));
		}

		// Some events come without an id at all.
		if (next() < 0.1) {
			scores.push({
				studentId: 's0',
				exam,
				score: next(),
				receivedAt: 1_700_000_000_000 + scores.length,
			});
		}
	}

	return scores;
}

function bruteForce(scores: ScoreRecord[], key: (s: ScoreRecord) => string) {
	const seen = new Set<string>();
	const groups = new Map<string, number[]>();
	for (const score of scores) {
		if (score.eventId !== undefined && seen.has(score.eventId)) {
			continue;
		}

		if (score.eventId !== undefined) {
			seen.add(score.eventId);
		}

		const list = groups.get(key(score)) ?? [];
		list.push(score.score);
		groups.set(key(score), list);
	}

	return groups;
}

function exactMean(values: number[]): number {
	const units = values.reduce((sum, value) => sum + toUnits(value), 0n);
	return meanOf(units, values.length);
}

describe('aggregates against a brute-force computation', () => {
	it('match count, mean, min and max for every student and exam', () => {
		const file = tempDb();
		const db = openWriter(file, source);
		const writer = new ScoreWriter(db);
		const scores = stream(3000, 7);
		for (let index = 0; index < scores.length; index += 97) {
			writer.write({scores: scores.slice(index, index + 97), rejects: []});
		}

		const queries = new Queries(openReader(file));
		const byStudent = bruteForce(scores, (score) => score.studentId);
		const byExam = bruteForce(scores, (score) => String(score.exam));
		const stored = [...byStudent.values()].flat().length;
		expect(queries.totals()).toMatchObject({
			scores: stored,
			students: byStudent.size,
			exams: byExam.size,
		});

		for (const [studentId, values] of byStudent) {
			const detail = queries.student(studentId);
			expect(detail).toMatchObject({
				count: values.length,
				average: exactMean(values),
				min: Math.min(...values),
				max: Math.max(...values),
			});
			expect(detail?.results.map((result) => result.score).sort()).toEqual(
				[...values].sort(),
			);
		}

		for (const [exam, values] of byExam) {
			const detail = queries.exam(Number(exam));
			expect(detail).toMatchObject({
				count: values.length,
				average: exactMean(values),
			});
			expect(detail?.results.map((result) => result.score)).toEqual(
				[...values].sort((a, b) => b - a),
			);
			expect(detail?.distribution.reduce((a, b) => a + b)).toBe(values.length);
		}
	});

	it('gives every stored result back in arrival order with its own id', () => {
		const file = tempDb();
		const db = openWriter(file, source);
		const writer = new ScoreWriter(db);
		const scores = stream(500, 11);
		writer.write({scores, rejects: []});

		const seen = new Set<string>();
		const expected = scores.filter((score) => {
			if (score.eventId === undefined) {
				return true;
			}

			const fresh = !seen.has(score.eventId);
			seen.add(score.eventId);
			return fresh;
		});
		const stored = [...new Queries(db).iterateScores()];

		expect(stored).toEqual(
			expected.map((score) => ({...score, eventId: score.eventId ?? ''})),
		);
		db.close();
	});
});
