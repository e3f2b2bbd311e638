import {useReducer} from 'react';
import {
	emptyList,
	reduceList,
	type ListAction,
	type ListState,
} from '../list/list-state.js';

/** The leaderboard ranks this many students; ranks below are not drawn. */
export const leaderboardSize = 100;

export type LeaderboardState = {
	list: ListState;
	/** Student ids in rank order, as last read. */
	ids: readonly string[];
	/** The selection follows this student, not a rank. */
	selectedId?: string;
	/** The student drilled into, if any. */
	open?: string;
};

export type LeaderboardAction =
	| ListAction
	| {type: 'ranks'; ids: readonly string[]}
	| {type: 'open'}
	| {type: 'close'};

export const initialLeaderboard: LeaderboardState = {list: emptyList, ids: []};

export function reduceLeaderboard(
	state: LeaderboardState,
	action: LeaderboardAction,
): LeaderboardState {
	switch (action.type) {
		case 'ranks': {
			return follow({...state, ids: action.ids});
		}

		case 'open': {
			return state.selectedId ? {...state, open: state.selectedId} : state;
		}

		case 'close': {
			return {...state, open: undefined};
		}

		default: {
			const list = reduceList(state.list, action);
			return {...state, list, selectedId: state.ids[list.cursor]};
		}
	}
}

/**
 * After new ranks arrive, moves the cursor to wherever the selected student
 * now stands; if they left the board, the cursor keeps its rank.
 */
function follow(state: LeaderboardState): LeaderboardState {
	const sized = reduceList(state.list, {
		type: 'total',
		total: state.ids.length,
	});
	const index =
		state.selectedId === undefined ? -1 : state.ids.indexOf(state.selectedId);
	const list =
		index === -1 ? sized : reduceList(sized, {type: 'select', index});

	return {...state, list, selectedId: state.ids[list.cursor]};
}

export function useLeaderboardState() {
	return useReducer(reduceLeaderboard, initialLeaderboard);
}
