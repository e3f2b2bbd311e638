import type {Result} from '../store/query-types.js';
import type {ConnectionState} from './connection-state.js';

/** What the worker needs to start; passed as workerData. */
export type IngestConfig = {
	url: string;
	/** What the database records as its source (the URL, or the built-in name). */
	source: string;
	dbFile: string;
	stallTimeoutMs: number;
	/** The most scores and rejects one commit holds. */
	maxBatch: number;
	/** Post updates to the main thread at most this often (ms). */
	postIntervalMs: number;
	/** The longest line and event data kept; longer events are rejects. */
	maxLineLength?: number;
	/** Run the ingest threads below the main thread, which draws a UI. */
	yieldToUi?: boolean;
	/** Stop by itself after this many stored scores (capture mode). */
	stopAfter?: number;
};

/** Running totals since the database was created. */
export type Counters = {
	stored: number;
	rejected: number;
	ignored: number;
	duplicates: number;
	students: number;
	exams: number;
	/** Scores stored per second over the last few seconds. */
	rate: number;
};

/** The counters before the first update arrives. */
export const emptyCounters: Counters = {
	stored: 0,
	rejected: 0,
	ignored: 0,
	duplicates: 0,
	students: 0,
	exams: 0,
	rate: 0,
};

export type WorkerMessage =
	| {
			type: 'update';
			/** Scores stored since the last update, oldest first (at most a screenful). */
			feed: Result[];
			/** How many scores the feed above leaves out. */
			skipped: number;
			counters: Counters;
			state: ConnectionState;
	  }
	| {type: 'stopped'; counters: Counters; reason?: string}
	| {type: 'failed'; message: string};

export type MainMessage = {type: 'stop'};
