/**
 * Hands items on one per turn of the event loop, in order. Node delivers
 * up to 1,000 port messages in one go; work done inside the handler would
 * leave no turn for timers or other ports until the queue ran dry, which
 * a steady producer never lets happen.
 */
export class TurnQueue<T> {
	private readonly items: T[] = [];
	private scheduled = false;
	private closed = false;

	constructor(private readonly handle: (item: T) => void) {}

	push(item: T): void {
		this.items.push(item);
		this.schedule();
	}

	/** Drops what waits and takes nothing more. */
	close(): void {
		this.closed = true;
		this.items.length = 0;
	}

	private schedule(): void {
		if (!this.scheduled && !this.closed && this.items.length > 0) {
			this.scheduled = true;
			setImmediate(() => {
				this.takeOne();
			});
		}
	}

	private takeOne(): void {
		this.scheduled = false;
		const item = this.items.shift();
		if (this.closed || item === undefined) {
			return;
		}

		this.handle(item);
		this.schedule();
	}
}
