import {ScoreColumnsBuilder, type ColumnBatch} from '../store/score-columns.js';
import type {PlacedReject} from '../store/score-columns.js';
import {parsePayload, rejectData} from './payload.js';

/** A batch ready to commit, with the events it passed over. */
export type SealedBatch = {
	batch: ColumnBatch;
	/** Events of other types read since the last batch. */
	ignored: number;
};

/**
 * Turns score events into column batches on the thread that reads the
 * stream. Validation happens here, so the writer sees only clean scores
 * and rejects.
 */
export class EventBatcher {
	private readonly scores: ScoreColumnsBuilder;
	private rejects: PlacedReject[] = [];
	private ignored = 0;

	constructor(capacity = 4096) {
		this.scores = new ScoreColumnsBuilder(capacity);
	}

	/** Scores and rejects waiting for the next batch. */
	get pending(): number {
		return this.scores.length + this.rejects.length;
	}

	get isEmpty(): boolean {
		return this.pending === 0 && this.ignored === 0;
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

		const {studentId, exam, score} = parsed.value;
		this.scores.push(studentId, exam, score, receivedAt, eventId, !ownId);
	}

	reject(
		reason: string,
		data: string,
		eventId: string,
		receivedAt = Date.now(),
	): void {
		const record: PlacedReject = {
			reason,
			data: rejectData(data),
			receivedAt,
			position: this.scores.length,
		};
		if (eventId !== '') {
			record.eventId = eventId;
		}

		this.rejects.push(record);
	}

	ignore(): void {
		this.ignored += 1;
	}

	/** Hands over what waits, with the id to resume from after it. */
	take(resumeId: string): SealedBatch {
		const sealed = {
			batch: {scores: this.scores.take(), rejects: this.rejects, resumeId},
			ignored: this.ignored,
		};
		this.rejects = [];
		this.ignored = 0;
		return sealed;
	}
}
