import {
	ErrorEvent,
	EventSource,
	type EventSourceFetchInit,
	type FetchLikeResponse,
	type ReaderLike,
} from 'eventsource';
import {reconnectDelay} from './backoff.js';
import type {ConnectionState} from './connection-state.js';
import {
	classify,
	classifyNetworkError,
	describeNetworkError,
	type Failure,
} from './response-check.js';
import {BlockLedger} from './sse-blocks.js';
import {SseLineGuard} from './sse-line-guard.js';

export type ConnectionOptions = {
	url: string;
	/** The Last-Event-ID to resume from ('' for none). */
	resumeId: string;
	/** Reconnect when no byte arrives for this long. */
	stallTimeoutMs: number;
	maxLineLength?: number;
	/** The fetch to use (default: the global one). */
	fetch?: typeof fetch;
};

export type ConnectionHandlers = {
	/** A score event; `ownId` is false when its id was inherited. */
	onScore: (data: string, eventId: string, ownId: boolean) => void;
	onIgnored: () => void;
	onOverlong: (head: string, length: number) => void;
	onState: (state: ConnectionState) => void;
	/**
	 * Asked before each read, once every event of the last read has been
	 * delivered. A promise holds reading back until it settles, so a busy
	 * consumer slows the socket and, through TCP, the server.
	 */
	beforeRead?: () => Promise<void> | undefined;
};

type ReadResult = {done: false; value: Uint8Array} | {done: true};

const defaultRetryMs = 1000;
// The guard has checked the type; the parser compares it case-sensitively.
const eventStreamHeaders = new Headers({'content-type': 'text/event-stream'});

/**
 * Keeps one event stream alive through the eventsource package, supervising
 * it where it falls short. Each attempt is one EventSource whose fetch is
 * ours: it sends Last-Event-ID itself, turns away answers not worth reading
 * (and says why) before the library sees them, and hands the library the
 * body through an SseLineGuard. On any failure or a silent link the
 * attempt's EventSource is closed and this class reconnects with backoff
 * and jitter, so the library's own reconnects and its rule that any
 * non-200 answer is final never apply.
 */
export class StreamConnection {
	private source: EventSource | undefined;
	private guard: SseLineGuard | undefined;
	private readonly ledger: BlockLedger;
	private retryMs = defaultRetryMs;
	private failures = 0;
	private generation = 0;
	private stallTimer: NodeJS.Timeout | undefined;
	private reconnectTimer: NodeJS.Timeout | undefined;
	private stopped = false;

	constructor(
		private readonly options: ConnectionOptions,
		private readonly handlers: ConnectionHandlers,
	) {
		this.ledger = new BlockLedger(options.resumeId, {
			onEvent: () => {
				this.failures = 0;
			},
			onIgnored: handlers.onIgnored,
			onOverlong: handlers.onOverlong,
		});
	}

	/**
	 * The id to resume from: that of the last block whose events have all
	 * been handed on, so it never runs ahead of what was delivered.
	 */
	get lastEventId(): string {
		return this.ledger.resumeId;
	}

	start(): void {
		if (this.stopped) {
			return;
		}

		this.generation += 1;
		const generation = this.generation;
		const guard = new SseLineGuard(
			{
				onRetry: (milliseconds) => {
					this.retryMs = milliseconds;
				},
			},
			this.ledger.resumeId,
			this.options.maxLineLength,
		);
		this.guard = guard;
		this.handlers.onState({kind: 'connecting', attempt: this.failures + 1});
		this.armStallTimer();
		try {
			this.source = this.openSource(generation, guard);
		} catch {
			this.fail({
				reason: `not a URL to read: ${this.options.url}`,
				fatal: true,
			});
		}
	}

	stop(): void {
		this.stopped = true;
		this.endAttempt();
		clearTimeout(this.reconnectTimer);
	}

	private openSource(generation: number, guard: SseLineGuard): EventSource {
		const source = new EventSource(this.options.url, {
			fetch: async (_url, init) => this.request(generation, guard, init),
		});
		source.addEventListener('score', (event: MessageEvent<string>) => {
			if (this.isCurrent(generation)) {
				this.deliver(guard, event);
			}
		});
		// A server may name its own events "error": only the library's count.
		source.addEventListener('error', (event) => {
			if (event instanceof ErrorEvent && this.isCurrent(generation)) {
				this.fail({reason: event.message ?? 'stream error', fatal: false});
			}
		});
		return source;
	}

	private isCurrent(generation: number): boolean {
		return generation === this.generation && !this.stopped;
	}

	/** The fetch the EventSource calls: ours decides what it gets to read. */
	private async request(
		generation: number,
		guard: SseLineGuard,
		init: EventSourceFetchInit,
	): Promise<FetchLikeResponse> {
		let response: Response;
		try {
			response = await (this.options.fetch ?? fetch)(this.options.url, {
				headers: this.requestHeaders(),
				signal: init.signal as AbortSignal,
				cache: 'no-store',
			});
		} catch (error) {
			this.failIf(generation, classifyNetworkError(error, this.options.url));
			throw error;
		}

		const refused = classify(response);
		if (refused || !this.isCurrent(generation) || !response.body) {
			this.failIf(generation, refused ?? {reason: 'no body', fatal: false});
			await response.body?.cancel().catch(() => undefined);
			// The EventSource is closed by now: it ignores this.
			throw new Error(refused?.reason ?? 'attempt ended');
		}

		this.handlers.onState({kind: 'open', since: Date.now()});
		const upstream = response.body.getReader();
		const reader: ReaderLike = {
			read: async () => this.nextChunk(generation, guard, upstream),
			cancel: async () => upstream.cancel(),
		};
		return {
			status: 200,
			url: response.url,
			redirected: response.redirected,
			headers: eventStreamHeaders,
			body: {getReader: () => reader},
		};
	}

	/**
	 * The library asks for the next read only once its parser has taken the
	 * last one whole, so every block the guard passed on has been dispatched
	 * by now and what is still queued (ids, other events) can be settled.
	 */
	private async nextChunk(
		generation: number,
		guard: SseLineGuard,
		upstream: ReadableStreamDefaultReader<Uint8Array>,
	): Promise<ReadResult> {
		for (;;) {
			if (!this.isCurrent(generation)) {
				void upstream.cancel().catch(() => undefined);
				return {done: true};
			}

			this.ledger.settle(guard.blocks);
			const hold = this.handlers.beforeRead?.();
			if (hold) {
				await this.waitOnConsumer(generation, hold);
				continue;
			}

			let result: ReadableStreamReadResult<Uint8Array>;
			try {
				result = await upstream.read();
			} catch (error) {
				this.failIf(generation, {
					reason: describeNetworkError(error),
					fatal: false,
				});
				return {done: true};
			}

			if (result.done) {
				this.failIf(generation, {
					reason: 'server closed the connection',
					fatal: false,
				});
				return {done: true};
			}

			this.stallTimer?.refresh();
			const bytes = guard.push(result.value);
			if (bytes.length > 0 && this.isCurrent(generation)) {
				return {done: false, value: bytes};
			}
		}
	}

	// The wait is ours, not the server's silence: the stall clock stops.
	private async waitOnConsumer(
		generation: number,
		hold: Promise<void>,
	): Promise<void> {
		clearTimeout(this.stallTimer);
		await hold;
		if (this.isCurrent(generation)) {
			this.armStallTimer();
		}
	}

	/** A score event: its id is the guard's record, never the library's. */
	private deliver(guard: SseLineGuard, event: MessageEvent<string>): void {
		const block = this.ledger.throughScore(guard.blocks);

		// The library resets its id per event: a mismatch means the guard and
		// the parser read the stream differently, so resume from the last
		// block both agree on rather than guess.
		if (!block || event.lastEventId !== (block.ownId ? block.id : '')) {
			this.fail({
				reason: 'the event stream could not be followed',
				fatal: false,
			});
			return;
		}

		this.handlers.onScore(event.data, block.id, block.ownId);
	}

	private requestHeaders(): Record<string, string> {
		const headers: Record<string, string> = {
			accept: 'text/event-stream',
			'cache-control': 'no-store',
		};
		if (this.ledger.resumeId !== '') {
			headers['last-event-id'] = this.ledger.resumeId;
		}

		return headers;
	}

	private armStallTimer(): void {
		clearTimeout(this.stallTimer);
		const generation = this.generation;
		this.stallTimer = setTimeout(() => {
			if (!this.isCurrent(generation)) {
				return;
			}

			// Timers never run inside a parse: every block passed on is done.
			if (this.guard) {
				this.ledger.settle(this.guard.blocks);
			}

			const seconds = Math.round(this.options.stallTimeoutMs / 100) / 10;
			this.fail({reason: `no data for ${seconds}s`, fatal: false});
		}, this.options.stallTimeoutMs);
	}

	private failIf(generation: number, failure: Failure): void {
		if (this.isCurrent(generation)) {
			this.fail(failure);
		}
	}

	/** Ends the attempt in hand, then reconnects or, if final, stops. */
	private fail(failure: Failure): void {
		this.endAttempt();
		if (failure.fatal) {
			this.stopped = true;
			this.handlers.onState({
				kind: 'closed',
				reason: failure.reason,
				fatal: true,
			});
			return;
		}

		this.failures += 1;
		const delay = reconnectDelay(this.failures, this.retryMs);
		this.handlers.onState({
			kind: 'reconnecting',
			reason: failure.reason,
			attempt: this.failures + 1,
			nextAt: Date.now() + delay,
		});
		this.reconnectTimer = setTimeout(() => {
			this.start();
		}, delay);
	}

	private endAttempt(): void {
		clearTimeout(this.stallTimer);
		this.generation += 1;
		this.guard = undefined;
		this.source?.close();
		this.source = undefined;
	}
}
