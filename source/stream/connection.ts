import {reconnectDelay} from './backoff.js';
import type {ConnectionState} from './connection-state.js';
import {SseParser} from './sse-parser.js';

export type ConnectionOptions = {
	url: string;
	/** The Last-Event-ID to resume from ('' for none). */
	resumeId: string;
	/** Reconnect when no byte arrives for this long. */
	stallTimeoutMs: number;
	maxLineLength?: number;
};

export type ConnectionHandlers = {
	/** A score event; `ownId` is false when its id was inherited. */
	onScore: (data: string, eventId: string, ownId: boolean) => void;
	onIgnored: (type: string, data: string) => void;
	onOverlong: (head: string, length: number) => void;
	onState: (state: ConnectionState) => void;
};

type Failure = {reason: string; fatal: boolean};

const defaultRetryMs = 1000;

/**
 * Keeps one event stream alive over fetch. The eventsource package gives
 * up on any non-200 answer, applies `retry:` literally, never notices a
 * silent link, grows a line without bound and mislays ids, so this class
 * reads the body itself: it reconnects with backoff and jitter, clamps
 * `retry:`, sends Last-Event-ID every time, tells final failures from
 * passing ones and reconnects a stream that stays silent too long.
 */
export class StreamConnection {
	private parser: SseParser | undefined;
	private resumeId: string;
	private retryMs = defaultRetryMs;
	private failures = 0;
	private generation = 0;
	private abort: AbortController | undefined;
	private stallTimer: NodeJS.Timeout | undefined;
	private reconnectTimer: NodeJS.Timeout | undefined;
	private stopped = false;

	constructor(
		private readonly options: ConnectionOptions,
		private readonly handlers: ConnectionHandlers,
	) {
		this.resumeId = options.resumeId;
	}

	/** The id to resume from: that of the last block the parser ended. */
	get lastEventId(): string {
		return this.parser?.dispatchedId ?? this.resumeId;
	}

	start(): void {
		if (this.stopped) {
			return;
		}

		this.generation += 1;
		this.abort = new AbortController();
		this.handlers.onState({kind: 'connecting', attempt: this.failures + 1});
		this.armStallTimer();
		void this.run(this.generation, this.abort.signal);
	}

	stop(): void {
		this.stopped = true;
		this.endAttempt();
		clearTimeout(this.reconnectTimer);
	}

	private async run(generation: number, signal: AbortSignal): Promise<void> {
		const current = () => generation === this.generation && !this.stopped;
		let failure: Failure;
		try {
			failure = await this.read(signal);
		} catch (error) {
			failure = {reason: describeNetworkError(error), fatal: false};
		}

		if (current()) {
			this.fail(failure);
		}
	}

	/** One request, read to its end; resolves with why it ended. */
	private async read(signal: AbortSignal): Promise<Failure> {
		const response = await fetch(this.options.url, {
			headers: this.requestHeaders(),
			signal,
			cache: 'no-store',
		});
		const refused = classify(response);
		if (refused) {
			await response.body?.cancel().catch(() => undefined);
			return refused;
		}

		this.handlers.onState({kind: 'open', since: Date.now()});
		const parser = this.newParser();
		const reader = response.body!.getReader();
		for (;;) {
			const {done, value} = await reader.read();
			if (done) {
				return {reason: 'server closed the connection', fatal: false};
			}

			this.stallTimer?.refresh();
			parser.push(value);
		}
	}

	private requestHeaders(): Record<string, string> {
		const headers: Record<string, string> = {
			accept: 'text/event-stream',
			'cache-control': 'no-store',
		};
		if (this.lastEventId !== '') {
			headers['last-event-id'] = this.lastEventId;
		}

		return headers;
	}

	private newParser(): SseParser {
		const parser = new SseParser(
			{
				onEvent: (type, data, id, ownId) => {
					this.failures = 0;
					if (type === 'score') {
						this.handlers.onScore(data, id, ownId);
					} else {
						this.handlers.onIgnored(type, data);
					}
				},
				onRetry: (milliseconds) => {
					this.retryMs = milliseconds;
				},
				onOverlong: this.handlers.onOverlong,
			},
			this.lastEventId,
			this.options.maxLineLength,
		);
		this.parser = parser;
		return parser;
	}

	private armStallTimer(): void {
		clearTimeout(this.stallTimer);
		const generation = this.generation;
		this.stallTimer = setTimeout(() => {
			if (generation !== this.generation || this.stopped) {
				return;
			}

			const seconds = Math.round(this.options.stallTimeoutMs / 100) / 10;
			this.fail({reason: `no data for ${seconds}s`, fatal: false});
		}, this.options.stallTimeoutMs);
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
		this.resumeId = this.lastEventId;
		this.parser = undefined;
		this.generation += 1;
		this.abort?.abort();
		this.abort = undefined;
	}
}

/** Which answers are worth retrying, and how to say the others plainly. */
export function classify(response: Response): Failure | undefined {
	const {status} = response;
	const type = (response.headers.get('content-type') ?? '').toLowerCase();

	if (status === 204) {
		return {
			reason: 'the server answered 204 No Content: it has no stream to send',
			fatal: true,
		};
	}

	if (status >= 500 || status === 408 || status === 429) {
		return {reason: `HTTP ${status}`, fatal: false};
	}

	if (status !== 200) {
		return {
			reason: `the server answered HTTP ${status}: check --url`,
			fatal: true,
		};
	}

	if (!type.startsWith('text/event-stream')) {
		const shown = type.split(';')[0] || 'no content type';
		return {
			reason: `the server sent ${shown}, not an event stream: check --url`,
			fatal: true,
		};
	}

	return undefined;
}

function describeNetworkError(error: unknown): string {
	const cause = (error as {cause?: {code?: string; message?: string}}).cause;
	switch (cause?.code) {
		case 'ECONNREFUSED': {
			return 'connection refused';
		}

		case 'ECONNRESET':
		case 'UND_ERR_SOCKET': {
			return 'connection lost';
		}

		case 'ENOTFOUND': {
			return 'host not found';
		}

		default: {
			return firstLine(cause?.message ?? (error as Error).message);
		}
	}
}

function firstLine(text: string | undefined): string {
	return (text ?? 'network error').split('\n')[0] ?? 'network error';
}
