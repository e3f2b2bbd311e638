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

/** What the parser will make of a block the guard passed on. */
export type BlockKind = 'score' | 'ignored' | 'id-only' | 'dropped';

export type Block = {
	kind: BlockKind;
	/** The last event id once this block ended, as the standard keeps it. */
	id: string;
	/** This block set the id with an id line of its own. */
	ownId: boolean;
	/** For a dropped block: its first characters and its size in bytes. */
	dropped: {head: string; length: number} | undefined;
};

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
const space = 32;
const headLength = 200;
const encoder = new TextEncoder();
// A BOM inside an id is part of the id: only the stream's first is dropped.
const decoder = new TextDecoder('utf-8', {ignoreBOM: true});
const lf = encoder.encode('\n');
const retype = encoder.encode(`event: ${droppedType}\n`);
const endAndRetype = encoder.encode(`\nevent: ${droppedType}\n`);
const names = {
	data: encoder.encode('data'),
	event: encoder.encode('event'),
	id: encoder.encode('id'),
	retry: encoder.encode('retry'),
	score: encoder.encode('score'),
};

/** Blocks passed on and not yet taken, oldest first. */
export class BlockQueue {
	private items: Block[] = [];
	private head = 0;

	get size(): number {
		return this.items.length - this.head;
	}

	push(block: Block): void {
		this.items.push(block);
	}

	shift(): Block | undefined {
		const block = this.items[this.head];
		this.head += 1;
		if (this.head >= this.items.length) {
			this.items.length = 0;
			this.head = 0;
		}

		return block;
	}
}

export class SseLineGuard {
	readonly blocks = new BlockQueue();

	private readonly maxLength: number;
	private idBuffer: string;
	// The unfinished line, kept to read its field once it ends.
	private carry = new Uint8Array(256);
	private carryLength = 0;
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
	private pieces: Uint8Array[] = [];
	private from = 0;

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
		this.pieces.length = 0;
		this.from = 0;
		let start = 0;
		if (this.skipLineFeed && chunk.length > 0) {
			this.skipLineFeed = false;
			if (chunk[0] === lineFeed) {
				this.replace(0, 1);
				start = 1;
			}
		}

		this.scan(start);
		return this.output();
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
			this.replace(start, next);
			return;
		}

		const length = this.carryLength + end - start;
		if (length > this.maxLength) {
			this.drop(start, next, this.head(start, end), length);
			return;
		}

		let bytes = this.chunk;
		let first = start;
		let last = end;
		if (this.carryLength > 0) {
			this.append(start, end);
			bytes = this.carry;
			first = 0;
			last = this.carryLength;
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
			this.carryLength = 0;
			this.normalise(end, next);
			this.endBlock();
			return;
		}

		if (!this.field(bytes, first, last)) {
			const head = decoder.decode(
				bytes.subarray(first, Math.min(last, first + headLength)),
			);
			this.drop(start, next, head, this.dataBytes);
			return;
		}

		this.carryLength = 0;
		if (this.dropped) {
			this.replace(start, next);
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
			this.replace(start, chunk.length);
			return;
		}

		const length = this.carryLength + rest;
		if (length > this.maxLength) {
			this.drop(start, chunk.length, this.head(start, chunk.length), length);
			this.overlongLine = true;
			return;
		}

		if (this.carryLength === 0) {
			this.carryPassed = this.dropped === undefined;
		}

		this.append(start, chunk.length);
		if (this.dropped) {
			this.replace(start, chunk.length);
		}
	}

	/**
	 * Marks the block dropped. Its earlier lines already went to the parser,
	 * so the first drop retypes the event (ending first any line the parser
	 * holds half of); later lines are not passed on at all.
	 */
	private drop(start: number, end: number, head: string, length: number) {
		const passedHalf = this.carryLength > 0 && this.carryPassed;
		this.carryLength = 0;
		if (this.dropped) {
			this.dropped.length += length;
			this.replace(start, end);
			return;
		}

		this.dropped = {head, length};
		this.replace(start, end, passedHalf ? endAndRetype : retype);
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
		if (value === -1 || value === end) {
			return;
		}

		for (let index = value; index < end; index++) {
			const byte = bytes[index]!;
			if (byte < 48 || byte > 57) {
				return;
			}
		}

		this.hooks.onRetry?.(Number(text(bytes, value, end)));
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
		const fromCarry = this.carry.subarray(
			0,
			Math.min(this.carryLength, headLength),
		);
		const need = headLength - fromCarry.length;
		const fromChunk = this.chunk.subarray(start, Math.min(end, start + need));
		return decoder.decode(concat([fromCarry, fromChunk]));
	}

	private append(start: number, end: number): void {
		const length = this.carryLength + end - start;
		if (length > this.carry.length) {
			const grown = new Uint8Array(Math.max(length, this.carry.length * 2));
			grown.set(this.carry.subarray(0, this.carryLength));
			this.carry = grown;
		}

		this.carry.set(this.chunk.subarray(start, end), this.carryLength);
		this.carryLength = length;
	}

	/** A line end other than LF goes out as LF. */
	private normalise(end: number, next: number): void {
		if (this.chunk[end] === carriageReturn) {
			this.replace(end, next, lf);
		}
	}

	/** Bytes start..end of the read go out as `bytes` instead. */
	private replace(start: number, end: number, bytes?: Uint8Array): void {
		if (start > this.from) {
			this.pieces.push(this.chunk.subarray(this.from, start));
		}

		if (bytes) {
			this.pieces.push(bytes);
		}

		this.from = end;
	}

	private output(): Uint8Array {
		const {chunk, from, pieces} = this;
		if (pieces.length === 0) {
			return from === 0 ? chunk : chunk.subarray(from);
		}

		if (from < chunk.length) {
			pieces.push(chunk.subarray(from));
		}

		return concat(pieces);
	}
}

/**
 * Where the value starts if the line's field is `name` (one space after
 * the colon is skipped, a line without a colon has an empty value), else -1.
 */
function valueStart(
	bytes: Uint8Array,
	start: number,
	end: number,
	name: Uint8Array,
): number {
	const after = start + name.length;
	if (after > end || !equals(bytes, start, after, name)) {
		return -1;
	}

	if (after === end) {
		return end;
	}

	if (bytes[after] !== colon) {
		return -1;
	}

	return after + 1 < end && bytes[after + 1] === space ? after + 2 : after + 1;
}

function equals(
	bytes: Uint8Array,
	start: number,
	end: number,
	wanted: Uint8Array,
): boolean {
	if (end - start !== wanted.length) {
		return false;
	}

	for (let index = 0; index < wanted.length; index++) {
		if (bytes[start + index] !== wanted[index]) {
			return false;
		}
	}

	return true;
}

/** Short ASCII values (ids, retry) are built directly: decoding costs more. */
function text(bytes: Uint8Array, start: number, end: number): string {
	if (end - start <= 32) {
		let value = '';
		for (let index = start; index < end; index++) {
			const byte = bytes[index]!;
			if (byte >= 0x80) {
				return decoder.decode(bytes.subarray(start, end));
			}

			value += String.fromCharCode(byte);
		}

		return value;
	}

	return decoder.decode(bytes.subarray(start, end));
}

function startsWithBom(bytes: Uint8Array, start: number, end: number) {
	return (
		end - start >= 3 &&
		bytes[start] === 0xef &&
		bytes[start + 1] === 0xbb &&
		bytes[start + 2] === 0xbf
	);
}

function concat(pieces: readonly Uint8Array[]): Uint8Array {
	let length = 0;
	for (const piece of pieces) {
		length += piece.length;
	}

	const joined = new Uint8Array(length);
	let offset = 0;
	for (const piece of pieces) {
		joined.set(piece, offset);
		offset += piece.length;
	}

	return joined;
}
