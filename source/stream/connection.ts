import {EventSource, type FetchLikeResponse} from 'eventsource';
import {reconnectDelay} from './backoff.js';
import type {ConnectionState} from './connection-state.js';
import {SseLineGuard} from './sse-line-guard.js';

export type ConnectionOptions = {
	url: string;
	/** The Last-Event-ID to resume from ('' for none). */
	resumeId: string;
	/** Reconnect when no byte arrives for this long. */
	stallTimeoutMs: number;
	maxLineLength?: number;
};

export type ConnectionHandlers = {
	onScore: (data: string, eventId: string) => void;
	onIgnored: (type: string, data: string) => void;
	onOverlong: (head: string, length: number) => void;
	onState: (state: ConnectionState) => void;
};

type Failure = {reason: string; fatal: boolean};

const defaultRetryMs = 1000;

/**
 * Keeps one EventSource alive. The library parses and dispatches; this class
 * owns reconnecting (backoff with jitter, clamped `retry:`, Last-Event-ID),
 * decides which failures are final, and watches for a silent link.
 */
export class StreamConnection {
	private source: EventSource | undefined;
	private guard: SseLineGuard | undefined;
	private resumeId: string;
	private retryMs = defaultRetryMs;
	private attempt = 0;
	private failure: Failure | undefined;
	private stallTimer: NodeJS.Timeout | undefined;
	private reconnectTimer: NodeJS.Timeout | undefined;
	private stopped = false;

	constructor(
		private readonly options: ConnectionOptions,
		private readonly handlers: ConnectionHandlers,
	) {
		this.resumeId = options.resumeId;
	}

	/** The id the next connection would send: that of the last dispatched block. */
	get lastEventId(): string {
		return this.guard?.dispatchedId ?? this.resumeId;
	}

	start(): void {
		this.attempt += 1;
		this.failure = undefined;
		this.handlers.onState({kind: 'connecting', attempt: this.attempt});

		const source = new EventSource(this.options.url, {
			fetch: async (url, init) => this.fetchGuarded(url, init),
		});
		source.addEventListener('open', () => {
			this.handlers.onState({kind: 'open', since: Date.now()});
		});
		source.addEventListener('score', (event) => {
			this.attempt = 0;
			this.handlers.onScore(event.data as string, event.lastEventId);
		});
		source.addEventListener('error', (event) => {
			this.onError(event.message);
		});
		this.source = source;
	}

	stop(): void {
		this.stopped = true;
		this.closeSource();
		clearTimeout(this.reconnectTimer);
	}

	private async fetchGuarded(
		url: string | URL,
		init: Parameters<typeof fetch>[1] & {headers: Record<string, string>},
	): Promise<FetchLikeResponse> {
		const headers = {...init.headers};
		if (this.lastEventId !== '') {
			headers['Last-Event-ID'] = this.lastEventId;
		}

		let response: Response;
		try {
			response = await fetch(url, {...init, headers});
		} catch (error) {
			this.failure = {reason: describeNetworkError(error), fatal: false};
			throw error;
		}

		this.failure = classify(response);
		if (this.failure) {
			await response.body?.cancel().catch(() => undefined);
			return response;
		}

		return this.guardBody(response);
	}

	private guardBody(response: Response): FetchLikeResponse {
		const previous = this.lastEventId;
		const guard = new SseLineGuard(
			{
				maxLineLength: this.options.maxLineLength,
				onActivity: () => {
					this.armStallTimer();
				},
				onRetry: (milliseconds) => {
					this.retryMs = milliseconds;
				},
				onIgnored: this.handlers.onIgnored,
				onOverlong: this.handlers.onOverlong,
			},
			previous,
		);
		this.guard = guard;
		this.armStallTimer();

		// The content type is checked above without regard to letter case;
		// hand the library the spelling it insists on.
		return {
			body: response.body?.pipeThrough(guard.transform()) ?? null,
			url: response.url,
			status: 200,
			redirected: false,
			headers: new Headers({'content-type': 'text/event-stream'}),
		};
	}

	private armStallTimer(): void {
		clearTimeout(this.stallTimer);
		this.stallTimer = setTimeout(() => {
			const seconds = Math.round(this.options.stallTimeoutMs / 100) / 10;
			this.failure = {reason: `no data for ${seconds}s`, fatal: false};
			this.onError(undefined);
		}, this.options.stallTimeoutMs);
	}

	private onError(message: string | undefined): void {
		if (this.stopped) {
			return;
		}

		const failure = this.failure ?? {
			reason: message ? plainReason(message) : 'server closed the connection',
			fatal: false,
		};
		this.closeSource();

		if (failure.fatal) {
			this.stopped = true;
			this.handlers.onState({
				kind: 'closed',
				reason: failure.reason,
				fatal: true,
			});
			return;
		}

		const delay = reconnectDelay(this.attempt + 1, this.retryMs);
		this.handlers.onState({
			kind: 'reconnecting',
			reason: failure.reason,
			attempt: this.attempt + 1,
			nextAt: Date.now() + delay,
		});
		this.reconnectTimer = setTimeout(() => {
			this.start();
		}, delay);
	}

	private closeSource(): void {
		clearTimeout(this.stallTimer);
		if (this.guard) {
			this.resumeId = this.guard.dispatchedId;
		}

		this.source?.close();
		this.source = undefined;
	}
}

/** Which answers are worth retrying, and how to say the others plainly. */
function classify(response: Response): Failure | undefined {
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

		case 'ECONNRESET': {
			return 'connection reset';
		}

		case 'ENOTFOUND': {
			return 'host not found';
		}

		default: {
			return cause?.message ?? (error as Error).message ?? 'network error';
		}
	}
}

function plainReason(message: string): string {
	return message.split('\n')[0] ?? message;
}
