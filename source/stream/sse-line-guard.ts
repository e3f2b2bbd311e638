/**
 * Sits between the HTTP body and the eventsource parser and fixes, on the
 * bytes, what the parser gets wrong or does not watch:
 * - every line end becomes LF, so an event framed by a bare CR at the end of
 *   a read is dispatched at once instead of held back;
 * - each event without an `id:` line gets the last id seen, so every event
 *   carries the id the standard gives it;
 * - a line longer than the cap is dropped with its event and reported, so
 *   memory stays bounded;
 * - it tells the owner of every read (liveness), every `retry:` and every
 *   event that is not a score.
 */

export type LineGuardHooks = {
	/** Bytes arrived (comments count: they prove the link is alive). */
	onActivity?: () => void;
	/** A valid `retry:` field, in milliseconds. */
	onRetry?: (milliseconds: number) => void;
	/** An event of another type than score was dispatched. */
	onIgnored?: (type: string, data: string) => void;
	/** An event was dropped because one of its lines passed the cap. */
	onOverlong?: (head: string, length: number) => void;
};

export type LineGuardOptions = LineGuardHooks & {
	/** The longest line kept, in UTF-16 code units. */
	maxLineLength?: number;
};

const defaultMaxLineLength = 1024 * 1024;
const droppedType = 'scoretop-dropped';

export class SseLineGuard {
	/** The id the standard would send as Last-Event-ID right now. */
	dispatchedId = '';

	private readonly decoder = new TextDecoder();
	private readonly encoder = new TextEncoder();
	private readonly maxLineLength: number;
	private partial = '';
	private skipLeadingLineFeed = false;
	private atStreamStart = true;
	private lastId = '';
	private block = freshBlock();
	private overlong: {head: string; length: number} | undefined;

	constructor(
		private readonly hooks: LineGuardOptions = {},
		initialId = '',
	) {
		this.maxLineLength = hooks.maxLineLength ?? defaultMaxLineLength;
		this.lastId = initialId;
		this.dispatchedId = initialId;
	}

	/** Feeds one read; returns the normalised bytes for the parser. */
	push(chunk: Uint8Array): Uint8Array {
		this.hooks.onActivity?.();
		let text = this.decoder.decode(chunk, {stream: true});
		if (this.atStreamStart && text.length > 0) {
			this.atStreamStart = false;
			text = text.startsWith('\uFEFF') ? text.slice(1) : text;
		}

		return this.encoder.encode(this.splitLines(text));
	}

	/** Builds a TransformStream around a fresh guard's push. */
	transform(): TransformStream<Uint8Array, Uint8Array> {
		return new TransformStream({
			transform: (chunk, controller) => {
				const out = this.push(chunk);
				if (out.length > 0) {
					controller.enqueue(out);
				}
			},
		});
	}

	private splitLines(text: string): string {
		let output = '';
		let start = 0;

		if (this.skipLeadingLineFeed && text.startsWith('\n')) {
			start = 1;
		}

		if (text.length > 0) {
			this.skipLeadingLineFeed = false;
		}

		for (let index = start; index < text.length; index++) {
			const code = text.charCodeAt(index);
			if (code !== 10 && code !== 13) {
				continue;
			}

			output += this.completeLine(this.partial + text.slice(start, index));
			this.partial = '';
			if (code === 13) {
				if (index + 1 === text.length) {
					this.skipLeadingLineFeed = true;
				} else if (text.charCodeAt(index + 1) === 10) {
					index++;
				}
			}

			start = index + 1;
		}

		this.keepPartial(text.slice(start));
		return output;
	}

	private keepPartial(rest: string): void {
		if (this.overlong) {
			this.overlong.length += rest.length;
			return;
		}

		this.partial += rest;
		if (this.partial.length > this.maxLineLength) {
			this.overlong = {
				head: this.partial.slice(0, 200),
				length: this.partial.length,
			};
			this.partial = '';
		}
	}

	private completeLine(line: string): string {
		if (this.overlong) {
			this.overlong.length += line.length;
			return this.dropBlock(this.overlong);
		}

		if (line.length > this.maxLineLength) {
			return this.dropBlock({head: line.slice(0, 200), length: line.length});
		}

		if (line === '') {
			return this.dispatch();
		}

		if (this.block.overlong) {
			return '';
		}

		this.noteField(line);
		return `${line}\n`;
	}

	/**
	 * Lines of this block already went to the parser; retyping the event to a
	 * name nobody listens for keeps its first half from arriving as a score.
	 */
	private dropBlock(overlong: {head: string; length: number}): string {
		this.overlong = undefined;
		if (this.block.overlong) {
			return '';
		}

		this.block.overlong = overlong;
		return `event: ${droppedType}\n`;
	}

	private noteField(line: string): void {
		if (line.startsWith(':')) {
			return;
		}

		const colon = line.indexOf(':');
		const name = colon === -1 ? line : line.slice(0, colon);
		let value = colon === -1 ? '' : line.slice(colon + 1);
		value = value.startsWith(' ') ? value.slice(1) : value;

		if (name === 'id' && !value.includes('\0')) {
			this.lastId = value;
			this.block.hasId = true;
		} else if (name === 'event') {
			this.block.type = value === '' ? 'message' : value;
		} else if (name === 'data') {
			this.block.data.push(value);
		} else if (name === 'retry' && /^\d+$/.test(value)) {
			this.hooks.onRetry?.(Number(value));
		}
	}

	/** A blank line ends a block; report and prepare it for the parser. */
	private dispatch(): string {
		const block = this.block;
		this.block = freshBlock();
		this.dispatchedId = this.lastId;

		if (block.overlong) {
			this.hooks.onOverlong?.(block.overlong.head, block.overlong.length);
			return '\n';
		}

		if (block.data.length === 0) {
			return '\n';
		}

		if (block.type !== 'score') {
			this.hooks.onIgnored?.(block.type, block.data.join('\n'));
		}

		return block.hasId ? '\n' : `id: ${this.lastId}\n\n`;
	}
}

function freshBlock(): {
	type: string;
	data: string[];
	hasId: boolean;
	overlong?: {head: string; length: number};
} {
	return {type: 'message', data: [], hasId: false};
}
