import {transferablesOf} from '../store/score-columns.js';
import {StreamConnection} from './connection.js';
import {EventBatcher, type SealedBatch} from './event-batcher.js';
import type {ReaderConfig, ReaderMessage} from './reader-messages.js';

export type SendToWriter = (
	message: ReaderMessage,
	transfer?: ArrayBuffer[],
) => void;

/**
 * Batches sent and not yet committed. Two keep the writer busy: it starts
 * on the second while the acknowledgement of the first is on its way.
 */
const maxInFlight = 2;

/**
 * The reading half of ingest: one stream connection, validation, and
 * batches handed to the writing thread with flow control. A batch goes as
 * soon as the writer is idle, so a slow stream commits event by event and
 * a fast one in batches that grow while the writer is busy. When a full
 * batch waits and the writer has two in hand, reading stops: the socket
 * fills and TCP slows the server; nothing is dropped.
 */
export class StreamReader {
	private readonly batcher: EventBatcher;
	private readonly connection: StreamConnection;
	private readonly ready: SealedBatch[] = [];
	private inFlight = 0;
	private stopped = false;
	private release: (() => void) | undefined;

	constructor(
		private readonly config: ReaderConfig,
		private readonly send: SendToWriter,
	) {
		this.batcher = new EventBatcher(config.maxBatch);
		this.connection = new StreamConnection(
			{
				url: config.url,
				resumeId: config.resumeId,
				stallTimeoutMs: config.stallTimeoutMs,
				maxLineLength: config.maxLineLength,
			},
			{
				onScore: (data, eventId, ownId) => {
					this.batcher.acceptEvent(data, eventId, ownId);
					this.sealIfFull();
				},
				onIgnored: () => {
					this.batcher.ignore();
				},
				onOverlong: (head, length) => {
					this.batcher.reject(
						'line-too-long',
						`${head}… (${length} bytes)`,
						'',
					);
					this.sealIfFull();
				},
				onState: (state) => {
					this.send({type: 'state', state});
				},
				beforeRead: () => this.beforeRead(),
			},
		);
	}

	start(): void {
		this.connection.start();
	}

	/** The writer committed one batch. */
	committed(): void {
		this.inFlight -= 1;
		this.sendWhatWaits();
		if (this.ready.length === 0) {
			this.release?.();
			this.release = undefined;
		}
	}

	/** Stops reading and hands over everything read, then says so. */
	stop(): void {
		if (this.stopped) {
			return;
		}

		this.stopped = true;
		this.connection.stop();
		this.seal();
		for (const sealed of this.ready.splice(0)) {
			this.post(sealed);
		}

		this.release?.();
		this.send({type: 'ended'});
	}

	private sealIfFull(): void {
		if (this.batcher.pending >= this.config.maxBatch) {
			this.seal();
			this.sendWhatWaits();
		}
	}

	private beforeRead(): Promise<void> | undefined {
		this.sendWhatWaits();
		if (this.ready.length === 0 || this.stopped) {
			return undefined;
		}

		return new Promise((resolve) => {
			this.release = resolve;
		});
	}

	private sendWhatWaits(): void {
		while (this.ready.length > 0 && this.inFlight < maxInFlight) {
			this.post(this.ready.shift()!);
		}

		// An idle writer takes what there is, however little.
		if (this.inFlight === 0 && !this.batcher.isEmpty) {
			this.seal();
			this.post(this.ready.shift()!);
		}
	}

	private seal(): void {
		if (!this.batcher.isEmpty) {
			this.ready.push(this.batcher.take(this.connection.lastEventId));
		}
	}

	private post(sealed: SealedBatch): void {
		this.inFlight += 1;
		this.send({type: 'batch', ...sealed}, transferablesOf(sealed.batch.scores));
	}
}
