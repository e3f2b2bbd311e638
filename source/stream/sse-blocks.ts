/**
 * The record the line guard keeps of the blocks it passed on, and the
 * ledger that takes them in order and knows the id to resume from.
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

export type LedgerHooks = {
	/** A block with data was taken: an event arrived, whatever became of it. */
	onEvent: () => void;
	onIgnored: () => void;
	onOverlong: (head: string, length: number) => void;
};

/**
 * Takes blocks in stream order. The resume id is that of the last block
 * taken, so it never runs ahead of the events handed on.
 */
export class BlockLedger {
	constructor(
		public resumeId: string,
		private readonly hooks: LedgerHooks,
	) {}

	/** Takes every queued block: call only once all were dispatched. */
	settle(queue: BlockQueue): void {
		while (queue.size > 0) {
			this.take(queue.shift()!);
		}
	}

	/** Takes blocks up to and including the next score, and returns it. */
	throughScore(queue: BlockQueue): Block | undefined {
		for (let block = queue.shift(); block; block = queue.shift()) {
			this.take(block);
			if (block.kind === 'score') {
				return block;
			}
		}

		return undefined;
	}

	private take(block: Block): void {
		this.resumeId = block.id;
		if (block.kind === 'id-only') {
			return;
		}

		this.hooks.onEvent();
		if (block.kind === 'ignored') {
			this.hooks.onIgnored();
		} else if (block.kind === 'dropped') {
			this.hooks.onOverlong(block.dropped!.head, block.dropped!.length);
		}
	}
}
