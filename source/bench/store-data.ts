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

/**
 * Scores shaped like the stream: each exam a burst of 100-900 students,
 * exam numbers rising, 1% of bursts after a restart that reuses numbers,
 * and 0.5% of bursts followed by a replay of the last 20 events.
 */
export function* benchScores(
	total: number,
	students: number,
): Generator<ScoreRecord> {
	const next = random(42);
	const ids = Array.from({length: students}, (_, index) => `Student.${index}`);
	let exam = 10_000;
	let id = 0;
	let made = 0;
	let time = Date.UTC(2025, 0, 1);
	const recent: ScoreRecord[] = [];

	while (made < total) {
		const size = 100 + Math.floor(next() * 800);
		for (let k = 0; k < size && made < total; k++, made++) {
			id += 1;
			time += 1;
			const score: ScoreRecord = {
				studentId: ids[Math.floor(next() * students)]!,
				exam,
				score: next(),
				receivedAt: time,
				eventId: String(id),
			};
			recent.push(score);
			yield score;
		}

		if (next() < 0.005) {
			yield* recent.slice(-20);
		}

		recent.length = 0;
		exam += next() < 0.01 ? -50 : 1;
	}
}
