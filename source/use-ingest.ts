import {useEffect, useRef, useState} from 'react';
import type {ConnectionState} from './stream/connection-state.js';
import {
	emptyCounters,
	type Counters,
	type WorkerMessage,
} from './stream/messages.js';
import type {FeedRow} from './components/feed/use-feed-state.js';
import type {ReaderHandle} from './components/store-reader.js';

/** The part of the ingest client the UI listens to. */
export type IngestSource = {
	on(event: 'message', listener: (message: WorkerMessage) => void): unknown;
	off(event: 'message', listener: (message: WorkerMessage) => void): unknown;
};

export type IngestView = {
	state: ConnectionState;
	counters: Counters;
	feed: FeedRow[];
	/** Counts the worker's updates: the store has changed when it moves. */
	version: number;
	failure?: string;
	/**
	 * Keys of the rows read from the store at start, until the first live
	 * rows: a score stored between that read and the first update would
	 * otherwise show twice.
	 */
	seeded?: ReadonlySet<string>;
};

/** The most feed rows kept: a tall terminal's worth. */
const keptRows = 200;

/**
 * The least time between two data-driven frames. The worker posts every
 * 100 ms, so this only holds a faster source to about 12 frames a second;
 * the renderer itself is not throttled, so keys draw at once.
 */
export const minUpdateGapMs = 80;

export {emptyCounters};

/** Folds the worker's updates into what the panes draw. */
export function reduceIngest(
	view: IngestView,
	message: WorkerMessage,
): IngestView {
	switch (message.type) {
		case 'update': {
			const fresh = view.seeded
				? message.feed.filter((row) => !view.seeded?.has(rowKey(row)))
				: message.feed;
			const feed =
				fresh.length === 0
					? view.feed
					: [...view.feed, ...fresh].slice(-keptRows);
			return {
				...view,
				seeded: message.feed.length === 0 ? view.seeded : undefined,
				state: message.state,
				counters: message.counters,
				feed,
				// Updates that stored nothing leave the panes' reads alone.
				version:
					message.counters.stored === view.counters.stored
						? view.version
						: view.version + 1,
			};
		}

		case 'stopped': {
			return {...view, counters: message.counters, version: view.version + 1};
		}

		case 'failed': {
			return {...view, failure: message.message};
		}
	}
}

export function useIngest(
	source: IngestSource,
	reader?: ReaderHandle,
): IngestView {
	// The monitor's reader opens only once the worker has made the file, so
	// the stored rows may come with the first updates instead of at start.
	const seedPending = useRef(true);
	const [view, setView] = useState<IngestView>(() => {
		const feed = storedFeed(reader);
		seedPending.current = !canRead(reader);
		return withStoredFeed(startView, feed);
	});

	useEffect(() => {
		const batcher = batchUpdates((messages) => {
			const stored = seedPending.current ? storedFeed(reader) : undefined;
			seedPending.current &&= !canRead(reader);
			setView((current) => {
				const start =
					stored && current.feed.length === 0
						? withStoredFeed(current, stored)
						: current;
				return messages.reduce(reduceIngest, start);
			});
		});

		source.on('message', batcher.push);
		return () => {
			source.off('message', batcher.push);
			batcher.cancel();
		};
	}, [source, reader]);

	return view;
}

const startView: IngestView = {
	state: {kind: 'connecting', attempt: 1},
	counters: emptyCounters,
	feed: [],
	version: 0,
};

function withStoredFeed(view: IngestView, feed: FeedRow[]): IngestView {
	return {...view, feed, seeded: new Set(feed.map((row) => rowKey(row)))};
}

function canRead(reader: ReaderHandle | undefined): boolean {
	try {
		return reader?.() !== undefined;
	} catch {
		return false;
	}
}

/**
 * The newest stored scores, oldest first, so a reopened database starts
 * with a full feed. A store that cannot be read yet starts it empty; the
 * panes say why on their own reads.
 */
function storedFeed(reader: ReaderHandle | undefined): FeedRow[] {
	try {
		return (reader?.()?.recent(keptRows) ?? []).reverse();
	} catch {
		return [];
	}
}

function rowKey(row: FeedRow): string {
	return [row.eventId, row.studentId, row.exam, row.score].join('\n');
}

/**
 * Hands on updates at most once per `minUpdateGapMs`, all that arrived in
 * between together; the first after a quiet spell goes at once, and so do
 * a stop or a failure.
 */
function batchUpdates(apply: (messages: WorkerMessage[]) => void) {
	let pending: WorkerMessage[] = [];
	let timer: NodeJS.Timeout | undefined;
	let lastAt = Number.NEGATIVE_INFINITY;

	const flush = () => {
		clearTimeout(timer);
		timer = undefined;
		lastAt = performance.now();
		const messages = pending;
		pending = [];
		apply(messages);
	};

	const push = (message: WorkerMessage) => {
		pending.push(message);
		const wait = lastAt + minUpdateGapMs - performance.now();
		if (message.type !== 'update' || wait <= 0) {
			flush();
		} else {
			timer ??= setTimeout(flush, wait);
		}
	};

	return {
		push,
		cancel() {
			clearTimeout(timer);
		},
	};
}
