import type {ConnectionState} from './connection-state.js';
import type {SealedBatch} from './event-batcher.js';

/** What the reading thread needs to start; passed as workerData. */
export type ReaderConfig = {
	url: string;
	/** The Last-Event-ID to resume from ('' for none). */
	resumeId: string;
	stallTimeoutMs: number;
	maxLineLength?: number;
	/** The most scores and rejects one batch holds (a read may add a few). */
	maxBatch: number;
	/** As in IngestConfig. */
	yieldToUi?: boolean;
};

/** From the reading thread to the writing one. */
export type ReaderMessage =
	| ({type: 'batch'} & SealedBatch)
	| {type: 'state'; state: ConnectionState}
	/** Sent after the last batch once asked to stop. */
	| {type: 'ended'};

/** From the writing thread to the reading one. */
export type WriterMessage = {type: 'committed'} | {type: 'stop'};
