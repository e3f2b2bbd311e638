import type {ScoreRecord} from '../store/records.js';

/** A seeded 32-bit generator (mulberry32): the same data every run. */
function random(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d_2b_79_f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
	};
}

/** The shape of the data: how each exam's students are chosen. */
export type BenchShape = 'stream' | 'uniform';

/**
 * Scores shaped like the stream: a roster of about 20 students (drawn from
 * all of them) takes one score each per exam for a run of 5 to 50
 * consecutive exams, then the next roster takes over. 1% of exams follow
 * a restart that reuses exam numbers, and 0.5% are followed by a replay
 * of their last 20 events. `uniform` instead draws a random student for
 * every score, in bursts of 100 to 900 per exam: the worst case for the
 * students table, since nearly every score touches another student.
 * Scores arrive 1 ms apart from `start`.
 */
export function* benchScores(
	total: number,
	students: number,
	shape: BenchShape = 'stream',
	start = Date.UTC(2025, 0, 1),
): Generator<ScoreRecord> {
	const next = random(42);
	const ids = Array.from({length: students}, (_, index) => `Student.${index}`);
	const pick = () => ids[Math.floor(next() * students)]!;
	let exam = 10_000;
	let id = 0;
	let time = start;
	let made = 0;
	let roster: string[] = [];
	let examsLeft = 0;

	while (made < total) {
		if (examsLeft === 0) {
			roster = Array.from({length: 15 + Math.floor(next() * 11)}, pick);
			examsLeft = 5 + Math.floor(next() * 46);
		}

		const size =
			shape === 'stream' ? roster.length : 100 + Math.floor(next() * 800);
		const first = made;
		for (let k = 0; k < size && made < total; k++, made++) {
			id += 1;
			time += 1;
			yield {
				studentId: shape === 'stream' ? roster[k]! : pick(),
				exam,
				score: next(),
				receivedAt: time,
				eventId: String(id),
			};
		}

		if (next() < 0.005) {
			yield* replay(first, made, id, exam, time);
		}

		examsLeft -= 1;
		exam += next() < 0.01 ? -50 : 1;
	}
}

/** The last (up to) 20 ids again: the writer must find them stored. */
function* replay(
	first: number,
	made: number,
	lastId: number,
	exam: number,
	time: number,
): Generator<ScoreRecord> {
	const count = Math.min(20, made - first);
	for (let k = count - 1; k >= 0; k--) {
		yield {
			studentId: 'Replayed',
			exam,
			score: 0,
			receivedAt: time,
			eventId: String(lastId - k),
		};
	}
}
