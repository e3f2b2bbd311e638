/** Byte-level helpers for the line guard: field names, values, splices. */

const colon = 58;
const space = 32;
const encoder = new TextEncoder();
// A BOM inside an id is part of the id: only the stream's first is dropped.
const decoder = new TextDecoder('utf-8', {ignoreBOM: true});

/** The field names the guard reads, and the one event type it looks for. */
export const names = {
	data: encoder.encode('data'),
	event: encoder.encode('event'),
	id: encoder.encode('id'),
	retry: encoder.encode('retry'),
	score: encoder.encode('score'),
};

/** The unfinished line, kept to read its field once it ends. */
export class LineCarry {
	bytes = new Uint8Array(256);
	length = 0;

	append(chunk: Uint8Array, start: number, end: number): void {
		const length = this.length + end - start;
		if (length > this.bytes.length) {
			const grown = new Uint8Array(Math.max(length, this.bytes.length * 2));
			grown.set(this.bytes.subarray(0, this.length));
			this.bytes = grown;
		}

		this.bytes.set(chunk.subarray(start, end), this.length);
		this.length = length;
	}

	/** The first characters of this line continued by chunk[start..end). */
	head(chunk: Uint8Array, start: number, end: number, limit: number): string {
		const kept = this.bytes.subarray(0, Math.min(this.length, limit));
		const more = chunk.subarray(
			start,
			Math.min(end, start + limit - kept.length),
		);
		return decoder.decode(concat([kept, more]));
	}
}

/** The first characters of bytes[start..end), for a reject's message. */
export function decodeHead(
	bytes: Uint8Array,
	start: number,
	end: number,
	limit: number,
): string {
	return decoder.decode(bytes.subarray(start, Math.min(end, start + limit)));
}

/**
 * What goes out for one read: the read itself, or where the guard changed
 * it, its untouched runs with replacements between them.
 */
export class ByteSplice {
	private chunk: Uint8Array = new Uint8Array(0);
	private readonly pieces: Uint8Array[] = [];
	private from = 0;

	reset(chunk: Uint8Array): void {
		this.chunk = chunk;
		this.pieces.length = 0;
		this.from = 0;
	}

	/** Bytes start..end of the read go out as `bytes` instead (or not at all). */
	replace(start: number, end: number, bytes?: Uint8Array): void {
		if (start > this.from) {
			this.pieces.push(this.chunk.subarray(this.from, start));
		}

		if (bytes) {
			this.pieces.push(bytes);
		}

		this.from = end;
	}

	output(): Uint8Array {
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
export function valueStart(
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

export function equals(
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

/** A value of ASCII digits only, as a number; else undefined. */
export function digits(
	bytes: Uint8Array,
	start: number,
	end: number,
): number | undefined {
	if (start === end) {
		return undefined;
	}

	for (let index = start; index < end; index++) {
		const byte = bytes[index]!;
		if (byte < 48 || byte > 57) {
			return undefined;
		}
	}

	return Number(text(bytes, start, end));
}

/** Short ASCII values (ids, retry) are built directly: decoding costs more. */
export function text(bytes: Uint8Array, start: number, end: number): string {
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

export function startsWithBom(bytes: Uint8Array, start: number, end: number) {
	return (
		end - start >= 3 &&
		bytes[start] === 0xef &&
		bytes[start + 1] === 0xbb &&
		bytes[start + 2] === 0xbf
	);
}

export function concat(pieces: readonly Uint8Array[]): Uint8Array {
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
