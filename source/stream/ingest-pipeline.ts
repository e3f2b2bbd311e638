import type {Database} from 'better-sqlite3';
import {Queries} from '../store/queries.js';
import type {Result} from '../store/query-types.js';
import type {Batch, RejectRecord, ScoreRecord} from '../store/records.js';
import {ScoreWriter} from '../store/score-writer.js';
import type {Counters} from './messages.js';
import {parsePayload, rejectData, type ScorePayload} from './payload.js';
import {RateMeter} from './rate-meter.js';

/** The most feed rows one update carries: more than any screen shows. */
export const feedLimit = 64;

/**
 * Turns score events into batches and commits them. Validation happens
 * here, so the writer sees only clean records and rejects.
 */
export class IngestPipeline {
	private readonly writer: ScoreWriter;
	private scores: ScoreRecord[] = [];
	private rejects: RejectRecord[] = [];
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

	get pendingScores(): number {
		return this.scores.length;
	}

	get pending(): number {
		return this.scores.length + this.rejects.length;
	}

	/**
	 * One score event. `ownId` is false when the event had no id line of its
	 * own: its id then only says where it follows, so it is kept but does
	 * not mark the event as already stored.
	 */
	acceptEvent(
		data: string,
		eventId: string,
		ownId = true,
		receivedAt = Date.now(),
	): void {
		const parsed = parsePayload(data);
		if (!parsed.ok) {
			this.reject(parsed.reason, data, eventId, receivedAt);
			return;
		}

		this.scores.push(scoreRecord(parsed.value, receivedAt, eventId, ownId));
	}

	reject(
		reason: string,
		data: string,
		eventId: string,
		receivedAt = Date.now(),
	): void {
		const record: RejectRecord = {reason, data: rejectData(data), receivedAt};
		if (eventId !== '') {
			record.eventId = eventId;
		}

		this.rejects.push(record);
	}

	ignore(): void {
		this.counters.ignored += 1;
	}

	/** Commits what waits, with the id to resume from after it. */
	flush(resumeId: string): void {
		if (this.pending === 0) {
			return;
		}

		const batch: Batch = {scores: this.scores, rejects: this.rejects, resumeId};
		this.scores = [];
		this.rejects = [];

		const result = this.writer.write(batch);
		this.counters.stored += result.stored;
		this.counters.duplicates += result.duplicates;
		this.counters.rejected += result.rejects;
		this.counters.students += result.newStudents;
		this.counters.exams += result.newExams;
		this.meter.add(result.stored);
		this.remember(result.storedScores);
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
	private remember(scores: ScoreRecord[]): void {
		const keep = scores.slice(-feedLimit);
		this.skipped += scores.length - keep.length;
		for (const score of keep) {
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

/**
 * Built as one literal of its final shape: spreading the payload and then
 * adding the id cost about 2 µs an event, a fifth of the whole pipeline's
 * budget under a firehose.
 */
function scoreRecord(
	{studentId, exam, score}: ScorePayload,
	receivedAt: number,
	eventId: string,
	ownId: boolean,
): ScoreRecord {
	if (eventId === '') {
		return {studentId, exam, score, receivedAt};
	}

	return ownId
		? {studentId, exam, score, receivedAt, eventId}
		: {studentId, exam, score, receivedAt, eventId, inheritedId: true};
}
