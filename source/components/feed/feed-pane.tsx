import type {Dispatch} from 'react';
import type {IngestView} from '../../use-ingest.js';
import type {ReaderHandle} from '../store-reader.js';
import {count} from '../list/format.js';
import {useListSync} from '../list/use-list-sync.js';
import {escapeControl} from '../safe-text.js';
import {useStoreQuery} from '../use-store-query.js';
import {Feed} from './feed.js';
import {useFeedInput} from './use-feed-input.js';
import {feedRows, type FeedAction, type FeedState} from './use-feed-state.js';

export type FeedPaneProps = {
	view: IngestView;
	reader?: ReaderHandle;
	state: FeedState;
	dispatch: Dispatch<FeedAction>;
	isActive: boolean;
	width: number;
	height: number;
};

/** The feed: live rows from the worker, averages from the store. */
export function FeedPane(props: FeedPaneProps) {
	const {view, state, dispatch, width, height} = props;
	const rows = feedRows(state, view.feed);
	const listHeight = Math.max(1, height - 1);
	useListSync(dispatch, rows.length, listHeight);
	useFeedInput({
		isActive: props.isActive,
		dispatch,
		live: () => ({rows: view.feed, stored: view.counters.stored}),
	});

	const {offset, cursor} = state.list;
	const visible = rows.slice(offset, offset + listHeight);
	const ids = [...new Set(visible.map((row) => row.studentId))];
	const averages = useStoreQuery(
		props.reader,
		view.version,
		props.isActive,
		(store) => averagesOf(ids, (id) => store.student(id, 0)?.average),
		[ids.join('\n')],
	);

	return (
		<Feed
			rows={visible}
			cursor={cursor - offset}
			averages={averages.data ?? new Map()}
			empty={emptyNote(view)}
			width={width}
			height={height}
		/>
	);
}

/** Why the feed is empty: the stream ended, or nothing new came yet. */
function emptyNote({state, counters}: IngestView): string {
	if (state.kind === 'closed') {
		return `the stream stopped: ${escapeControl(state.reason)}`;
	}

	if (counters.stored > 0) {
		return `no new scores yet; ${count(counters.stored)} stored`;
	}

	return 'waiting for scores';
}

/** Only the students on screen are looked up, one indexed read each. */
function averagesOf(
	ids: readonly string[],
	average: (id: string) => number | undefined,
): Map<string, number> {
	const result = new Map<string, number>();
	for (const id of ids) {
		const value = average(id);
		if (value !== undefined) {
			result.set(id, value);
		}
	}

	return result;
}
