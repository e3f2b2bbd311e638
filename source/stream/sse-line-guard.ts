/**
 * Sits between the HTTP body and the eventsource package's parser, on the
 * bytes, and fixes what that parser gets wrong or does not watch:
 * - every line end (CR, LF, CRLF, a CRLF split across reads) becomes LF, so
 *   an event framed by a bare CR at the end of a read is dispatched at once;
 * - a line or an event's data past the cap is not passed on: the event is
 *   retyped so the parser never delivers it, and memory stays bounded;
 * - it keeps the last event id as the standard does and records, in stream
 *   order, one entry per block it passes on, so the connection can give
 *   each score its id without trusting MessageEvent.lastEventId.
 * In the common case (LF line ends, nothing too long) a read is passed on
 * as it came: the guard scans it but copies nothing.
 */

import {BlockQueue, type BlockKind} from './sse-blocks.js';
import {
	ByteSplice,
	decodeHead,
	digits,
	equals,
	LineCarry,
	names,
	startsWithBom,
	text,
	valueStart,
} from './sse-bytes.js';

export type GuardHooks = {
	/** A valid `retry:` field, in milliseconds. */
	onRetry?: (milliseconds: number) => void;
};

/** The longest line, and the most data one event may carry (bytes). */
export const defaultMaxLineLength = 1024 * 1024;

/** The type a dropped event is given: nobody listens for it. */
export const droppedType = 'scoretop-dropped';

const lineFeed = 10;
const carriageReturn = 13;
const colon = 58;
const headLength = 200;
const encoder = new TextEncoder();
const lf = encoder.encode('\n');
const retype = encoder.encode(`event: ${droppedType}\n`);
const endAndRetype = encoder.encode(`\nevent: ${droppedType}\n`);

export class SseLineGuard {
	readonly blocks = new BlockQueue();

	private readonly maxLength: number;
	private idBuffer: string;
	private readonly carry = new LineCarry();
	private carryPassed = false;
	private skipLineFeed = false;
	private firstLine = true;
	private overlongLine = false;
	// The block in hand.
	private isScore = false;
	private hasData = false;
	private dataBytes = 0;
	private ownId = false;
	private dropped: {head: string; length: number} | undefined;
	// The read in hand and the pieces of what goes out instead of it.
	private chunk: Uint8Array = new Uint8Array(0);
	private readonly splice = new ByteSplice();

	constructor(
		private readonly hooks: GuardHooks = {},
		initialId = '',
		maxLength = defaultMaxLineLength,
	) {
		this.idBuffer = initialId;
		this.maxLength = maxLength;
	}

	/** Feeds one read; returns the bytes to hand the parser (maybe none). */
	push(chunk: Uint8Array): Uint8Array {
		this.chunk = chunk;
		this.splice.reset(chunk);
		let start = 0;
		if (this.skipLineFeed && chunk.length > 0) {
			this.skipLineFeed = false;
			if (chunk[0] === lineFeed) {
				this.splice.replace(0, 1);
				start = 1;
			}
		}

		this.scan(start);
		return this.splice.output();
	}

	private scan(from: number): void {
		const {chunk} = this;
		let start = from;
		let nextCr = chunk.indexOf(carriageReturn, start);

		while (start < chunk.length) {
			let end = chunk.indexOf(lineFeed, start);
			if (nextCr !== -1 && nextCr < start) {
				nextCr = chunk.indexOf(carriageReturn, start);
			}

			if (nextCr !== -1 && (end === -1 || nextCr < end)) {
				end = nextCr;
			}

			if (end === -1) {
				this.keepPartial(start);
				return;
			}

			let next = end + 1;
			if (chunk[end] === carriageReturn) {
				if (next === chunk.length) {
					this.skipLineFeed = true;
				} else if (chunk[next] === lineFeed) {
					next += 1;
				}
			}

			this.endLine(start, end, next);
			start = next;
		}
	}

	/** A line ended at `end`; its terminator runs to `next`. */
	private endLine(start: number, end: number, next: number): void {
		const isFirst = this.firstLine;
		this.firstLine = false;
		if (this.overlongLine) {
			this.overlongLine = false;
			this.dropped!.length += end - start;
			this.splice.replace(start, next);
			return;
		}

		const length = this.carry.length + end - start;
		if (length > this.maxLength) {
			this.drop(start, next, this.head(start, end), length);
			return;
		}

		let bytes = this.chunk;
		let first = start;
		let last = end;
		if (this.carry.length > 0) {
			this.carry.append(this.chunk, start, end);
			bytes = this.carry.bytes;
			first = 0;
			last = this.carry.length;
		}

		// The parser's decoder drops the stream's one leading BOM.
		if (isFirst && startsWithBom(bytes, first, last)) {
			first += 3;
		}

		this.lineEnded(bytes, first, last, start, end, next);
	}

	private lineEnded(
		bytes: Uint8Array,
		first: number,
		last: number,
		start: number,
		end: number,
		next: number,
	): void {
		if (first === last) {
			this.carry.length = 0;
			this.normalise(end, next);
			this.endBlock();
			return;
		}

		if (!this.field(bytes, first, last)) {
			const head = decodeHead(bytes, first, last, headLength);
			this.drop(start, next, head, this.dataBytes);
			return;
		}

		this.carry.length = 0;
		if (this.dropped) {
			this.splice.replace(start, next);
		} else {
			this.normalise(end, next);
		}
	}

	/** The read ended inside a line: keep it until the line ends. */
	private keepPartial(start: number): void {
		const {chunk} = this;
		const rest = chunk.length - start;
		if (this.overlongLine) {
			this.dropped!.length += rest;
			this.splice.replace(start, chunk.length);
			return;
		}

		const length = this.carry.length + rest;
		if (length > this.maxLength) {
			this.drop(start, chunk.length, this.head(start, chunk.length), length);
			this.overlongLine = true;
			return;
		}

		if (this.carry.length === 0) {
			this.carryPassed = this.dropped === undefined;
		}

		this.carry.append(chunk, start, chunk.length);
		if (this.dropped) {
			this.splice.replace(start, chunk.length);
		}
	}

	/**
	 * Marks the block dropped. Its earlier lines already went to the parser,
	 * so the first drop retypes the event (ending first any line the parser
	 * holds half of); later lines are not passed on at all.
	 */
	private drop(start: number, end: number, head: string, length: number) {
		const passedHalf = this.carry.length > 0 && this.carryPassed;
		this.carry.length = 0;
		if (this.dropped) {
			this.dropped.length += length;
			this.splice.replace(start, end);
			return;
		}

		this.dropped = {head, length};
		this.splice.replace(start, end, passedHalf ? endAndRetype : retype);
	}

	/** Reads one field; false when its data makes the event too large. */
	private field(bytes: Uint8Array, start: number, end: number): boolean {
		switch (bytes[start]) {
			case colon: {
				return true;
			}

			case names.data[0]: {
				const value = valueStart(bytes, start, end, names.data);
				if (value === -1) {
					return true;
				}

				this.hasData = true;
				this.dataBytes += end - value + 1;
				return this.dropped !== undefined || this.dataBytes < this.maxLength;
			}

			case names.event[0]: {
				const value = valueStart(bytes, start, end, names.event);
				if (value !== -1) {
					this.isScore = equals(bytes, value, end, names.score);
				}

				return true;
			}

			case names.id[0]: {
				const value = valueStart(bytes, start, end, names.id);
				const id = value === -1 ? undefined : text(bytes, value, end);
				// An id holding NUL is ignored, as the standard says.
				if (id !== undefined && !id.includes('\0')) {
					this.idBuffer = id;
					this.ownId = true;
				}

				return true;
			}

			case names.retry[0]: {
				this.retry(bytes, start, end);
				return true;
			}

			default: {
				return true;
			}
		}
	}

	private retry(bytes: Uint8Array, start: number, end: number): void {
		const value = valueStart(bytes, start, end, names.retry);
		const milliseconds = value === -1 ? undefined : digits(bytes, value, end);
		if (milliseconds !== undefined) {
			this.hooks.onRetry?.(milliseconds);
		}
	}

	/** A blank line: the parser dispatches (or not), and so do we. */
	private endBlock(): void {
		const {dropped, ownId} = this;
		let kind: BlockKind = 'id-only';
		if (dropped) {
			kind = 'dropped';
		} else if (this.hasData) {
			kind = this.isScore ? 'score' : 'ignored';
		}

		this.isScore = false;
		this.hasData = false;
		this.dataBytes = 0;
		this.ownId = false;
		this.dropped = undefined;

		// A block with no data and no id changes nothing worth recording.
		if (kind !== 'id-only' || ownId) {
			this.blocks.push({kind, id: this.idBuffer, ownId, dropped});
		}
	}

	private head(start: number, end: number): string {
		return this.carry.head(this.chunk, start, end, headLength);
	}

	/** A line end other than LF goes out as LF. */
	private normalise(end: number, next: number): void {
		if (this.chunk[end] === carriageReturn) {
			this.splice.replace(end, next, lf);
		}
	}
}
