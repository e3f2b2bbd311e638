import {useEffect, useState} from 'react';
import type {ConnectionState} from './stream/connection-state.js';
import type {Counters, WorkerMessage} from './stream/messages.js';
import type {FeedRow} from './components/feed/use-feed-state.js';

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
};

/** The most feed rows kept: a tall terminal's worth. */
const keptRows = 200;

export const emptyCounters: Counters = {
	stored: 0,
	rejected: 0,
	ignored: 0,
	duplicates: 0,
	students: 0,
	exams: 0,
	rate: 0,
};

/** Folds the worker's updates into what the panes draw. */
export function reduceIngest(
	view: IngestView,
	message: WorkerMessage,
): IngestView {
	switch (message.type) {
		case 'update': {
			const feed =
				message.feed.length === 0
					? view.feed
					: [...view.feed, ...message.feed].slice(-keptRows);
			return {
				...view,
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

export function useIngest(source: IngestSource): IngestView {
	const [view, setView] = useState<IngestView>({
		state: {kind: 'connecting', attempt: 1},
		counters: emptyCounters,
		feed: [],
		version: 0,
	});

	useEffect(() => {
		const listener = (message: WorkerMessage) => {
			setView((current) => reduceIngest(current, message));
		};

		source.on('message', listener);
		return () => {
			source.off('message', listener);
		};
	}, [source]);

	return view;
}
