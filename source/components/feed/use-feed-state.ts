import {useReducer} from 'react';
import type {Result} from '../../store/query-types.js';
import {
	emptyList,
	reduceList,
	type ListAction,
	type ListState,
} from '../list/list-state.js';

/** A row of the feed: a score as it arrived. */
export type FeedRow = Result;

export type FeedState = {
	list: ListState;
	/** While paused, the rows as they were and the stored count then. */
	paused?: {rows: FeedRow[]; stored: number};
};

export type FeedAction =
	ListAction | {type: 'togglePause'; rows: FeedRow[]; stored: number};

export const initialFeed: FeedState = {list: emptyList};

export function reduceFeed(state: FeedState, action: FeedAction): FeedState {
	if (action.type !== 'togglePause') {
		return {...state, list: reduceList(state.list, action)};
	}

	if (state.paused) {
		return {list: reduceList(state.list, {type: 'top'})};
	}

	return {...state, paused: {rows: action.rows, stored: action.stored}};
}

/** The rows to draw, newest first: the frozen ones while paused. */
export function feedRows(
	state: FeedState,
	live: readonly FeedRow[],
): FeedRow[] {
	return [...(state.paused?.rows ?? live)].reverse();
}

/** What the status bar says about the feed: "paused, 40 new". */
export function feedNote(state: FeedState, stored: number): string | undefined {
	if (!state.paused) {
		return undefined;
	}

	return `paused, ${(stored - state.paused.stored).toLocaleString('en-US')} new`;
}

export function useFeedState() {
	return useReducer(reduceFeed, initialFeed);
}
