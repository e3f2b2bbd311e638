import type {Database} from 'better-sqlite3';
import {Queries} from '../store/queries.js';
import type {Result} from '../store/query-types.js';
import {recordAt, type ScoreColumns} from '../store/score-columns.js';
import {ScoreWriter, type WriteResult} from '../store/score-writer.js';
import type {Counters} from './messages.js';
import type {SealedBatch} from './event-batcher.js';
import {RateMeter} from './rate-meter.js';

/** The most feed rows one update carries: more than any screen shows. */
export const feedLimit = 64;

/**
 * Commits the batches the reading thread seals, keeps the running totals
 * and the newest stored scores for the feed.
 */
export class BatchCommitter {
	private readonly writer: ScoreWriter;
	private feed: Result[] = [];
	private skipped = 0;
	private readonly meter = new RateMeter();
	private readonly counters: Counters;

	constructor(db: Database) {
		this.writer = new ScoreWriter(db);
		const totals = new Queries(db).totals();
		this.counters = {
			stored: totals.scores,
			rejected: totals.rejects,
			ignored: 0,
			duplicates: 0,
			students: totals.students,
			exams: totals.exams,
			rate: 0,
		};
	}

	get stored(): number {
		return this.counters.stored;
	}

	/** Commits one batch, at most `limit` of its scores (see ScoreWriter). */
	commit({batch, ignored}: SealedBatch, limit?: number): WriteResult {
		const result = this.writer.writeColumns(batch, limit);
		this.counters.ignored += ignored;
		this.counters.stored += result.stored;
		this.counters.duplicates += result.duplicates;
		this.counters.rejected += result.rejects;
		this.counters.students += result.newStudents;
		this.counters.exams += result.newExams;
		this.meter.add(result.stored);
		this.remember(batch.scores, result.storedAt);
		return result;
	}

	/** Takes the feed rows gathered since the last call. */
	takeFeed(): {feed: Result[]; skipped: number; counters: Counters} {
		const taken = {
			feed: this.feed,
			skipped: this.skipped,
			counters: this.snapshot(),
		};
		this.feed = [];
		this.skipped = 0;
		return taken;
	}

	snapshot(): Counters {
		return {...this.counters, rate: this.meter.rate()};
	}

	// Keeps only the newest rows: the feed shows a screenful, not a history.
	private remember(scores: ScoreColumns, storedAt: Uint32Array): void {
		const keep = storedAt.subarray(-feedLimit);
		this.skipped += storedAt.length - keep.length;
		for (const at of keep) {
			const score = recordAt(scores, at);
			this.feed.push({
				studentId: score.studentId,
				exam: score.exam,
				score: score.score,
				receivedAt: score.receivedAt,
				eventId: score.eventId ?? '',
			});
		}

		const overflow = this.feed.length - feedLimit;
		if (overflow > 0) {
			this.feed.splice(0, overflow);
			this.skipped += overflow;
		}
	}
}
