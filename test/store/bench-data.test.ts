import {describe, expect, it} from 'vitest';
import {benchScores} from '../../source/bench/store-data.js';

/** Exam by exam, in the order generated: its students and event ids. */
function examsOf(shape: 'stream' | 'uniform') {
	const exams: Array<{exam: number; students: Set<string>; ids: string[]}> = [];
	for (const score of benchScores(200_000, 50_000, shape)) {
		const last = exams.at(-1);
		if (last?.exam === score.exam) {
			last.students.add(score.studentId);
			last.ids.push(score.eventId ?? '');
		} else {
			exams.push({
				exam: score.exam,
				students: new Set([score.studentId]),
				ids: [score.eventId ?? ''],
			});
		}
	}

	return exams;
}

describe('the store bench data', () => {
	it('gives rosters of about 20 students a run of exams each', () => {
		const exams = examsOf('stream');
		const sizes = exams.map((exam) => exam.students.size);
		const sameRoster = exams.filter((exam, index) => {
			const before = exams[index - 1];
			return (
				before && [...exam.students].every((id) => before.students.has(id))
			);
		});

		expect(Math.max(...sizes)).toBeLessThanOrEqual(26);
		expect(Math.min(...sizes)).toBeGreaterThanOrEqual(1);
		expect(sameRoster.length / exams.length).toBeGreaterThan(0.8);
	});

	it('repeats exam numbers and replays event ids', () => {
		const exams = examsOf('stream');
		const numbers = exams.map((exam) => exam.exam);
		const ids = exams.flatMap((exam) => exam.ids);

		expect(new Set(numbers).size).toBeLessThan(numbers.length);
		expect(new Set(ids).size).toBeLessThan(ids.length);
	});

	it('draws a student per score in the worst case', () => {
		const exams = examsOf('uniform');
		const scores = exams.reduce((sum, exam) => sum + exam.ids.length, 0);
		const distinct = exams.reduce((sum, exam) => sum + exam.students.size, 0);

		// Exams of 100-900 scores out of 50,000 students: few repeat a student.
		expect(distinct / scores).toBeGreaterThan(0.9);
		expect(Math.min(...exams.map((exam) => exam.ids.length))).toBeGreaterThan(
			99,
		);
	});
});
