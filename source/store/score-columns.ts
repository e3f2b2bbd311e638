import {isRunId} from './event-ids.js';
import type {RejectRecord, ScoreRecord} from './records.js';

/** An event number meaning the event had no id at all. */
export const noEventId = -1;
/** An event number meaning the id is text: see `eventText`. */
export const textEventId = -2;

/**
 * A batch of scores as columns, the form that crosses from the thread that
 * reads the stream to the thread that writes. Typed arrays move without a
 * copy, and a student id is sent once a batch, not once a score.
 */
export type ScoreColumns = {
	length: number;
	/** The batch's distinct student ids; `student` indexes into them. */
	studentIds: string[];
	student: Uint32Array;
	exam: Float64Array;
	score: Float64Array;
	receivedAt: Float64Array;
	/** A canonical integer id, or noEventId, or textEventId. */
	eventNumber: Float64Array;
	/** The ids that are not canonical integers, by position. */
	eventText: Map<number, string>;
	/** 1 where the id came from an earlier event (see ScoreRecord). */
	inherited: Uint8Array;
};

/** A reject with its place among the batch's scores. */
export type PlacedReject = RejectRecord & {
	/** How many of the batch's scores came before it. */
	position: number;
};

/** What one transaction commits, in columns. */
export type ColumnBatch = {
	scores: ScoreColumns;
	rejects: PlacedReject[];
	/** As in Batch: null clears the stored id, undefined keeps it. */
	resumeId?: string | null;
};

/** Collects scores into columns; `take()` hands them over and starts anew. */
export class ScoreColumnsBuilder {
	private columns: ScoreColumns;
	private studentIndex = new Map<string, number>();

	constructor(private readonly capacity = 4096) {
		this.columns = emptyColumns(capacity);
	}

	get length(): number {
		return this.columns.length;
	}

	push(
		studentId: string,
		exam: number,
		score: number,
		receivedAt: number,
		eventId = '',
		inherited = false,
	): void {
		const columns = this.roomForOne();
		const at = columns.length;
		columns.student[at] = this.studentNumber(studentId);
		columns.exam[at] = exam;
		columns.score[at] = score;
		columns.receivedAt[at] = receivedAt;
		columns.inherited[at] = inherited ? 1 : 0;
		columns.eventNumber[at] = eventNumberOf(eventId);
		if (columns.eventNumber[at] === textEventId) {
			columns.eventText.set(at, eventId);
		}

		columns.length = at + 1;
	}

	take(): ScoreColumns {
		const taken = this.columns;
		this.columns = emptyColumns(this.capacity);
		this.studentIndex = new Map();
		return taken;
	}

	private studentNumber(studentId: string): number {
		let index = this.studentIndex.get(studentId);
		if (index === undefined) {
			index = this.columns.studentIds.length;
			this.columns.studentIds.push(studentId);
			this.studentIndex.set(studentId, index);
		}

		return index;
	}

	// A read may carry a few more events than a batch holds: grow then.
	private roomForOne(): ScoreColumns {
		const columns = this.columns;
		if (columns.length < columns.score.length) {
			return columns;
		}

		const grown = emptyColumns(columns.score.length * 2);
		grown.student.set(columns.student);
		grown.exam.set(columns.exam);
		grown.score.set(columns.score);
		grown.receivedAt.set(columns.receivedAt);
		grown.eventNumber.set(columns.eventNumber);
		grown.inherited.set(columns.inherited);
		grown.studentIds = columns.studentIds;
		grown.eventText = columns.eventText;
		grown.length = columns.length;
		this.columns = grown;
		return grown;
	}
}

/** The buffers a batch's columns own, to hand over without copying. */
export function transferablesOf(columns: ScoreColumns): ArrayBuffer[] {
	return [
		columns.student,
		columns.exam,
		columns.score,
		columns.receivedAt,
		columns.eventNumber,
		columns.inherited,
	].map((array) => array.buffer as ArrayBuffer);
}

export function columnsOf(records: ScoreRecord[]): ScoreColumns {
	const builder = new ScoreColumnsBuilder(Math.max(1, records.length));
	for (const record of records) {
		builder.push(
			record.studentId,
			record.exam,
			record.score,
			record.receivedAt,
			record.eventId,
			record.inheritedId,
		);
	}

	return builder.take();
}

/** One score of a batch as a record (for the few the feed shows). */
export function recordAt(columns: ScoreColumns, at: number): ScoreRecord {
	const record: ScoreRecord = {
		studentId: columns.studentIds[columns.student[at]!]!,
		exam: columns.exam[at]!,
		score: columns.score[at]!,
		receivedAt: columns.receivedAt[at]!,
	};
	const eventId = eventIdAt(columns, at);
	if (eventId !== undefined) {
		record.eventId = eventId;
	}

	if (columns.inherited[at] === 1) {
		record.inheritedId = true;
	}

	return record;
}

export function eventIdAt(
	columns: ScoreColumns,
	at: number,
): string | undefined {
	const number = columns.eventNumber[at]!;
	if (number === noEventId) {
		return undefined;
	}

	return number === textEventId ? columns.eventText.get(at) : String(number);
}

function eventNumberOf(eventId: string): number {
	if (eventId === '') {
		return noEventId;
	}

	return isRunId(eventId) ? Number(eventId) : textEventId;
}

function emptyColumns(capacity: number): ScoreColumns {
	return {
		length: 0,
		studentIds: [],
		student: new Uint32Array(capacity),
		exam: new Float64Array(capacity),
		score: new Float64Array(capacity),
		receivedAt: new Float64Array(capacity),
		eventNumber: new Float64Array(capacity),
		eventText: new Map(),
		inherited: new Uint8Array(capacity),
	};
}
