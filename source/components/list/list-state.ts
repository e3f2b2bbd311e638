import {useReducer} from 'react';

/**
 * A cursor over a list too long to draw whole: `offset` is the first row on
 * screen and `height` how many fit, so a pane asks the store for that
 * window only.
 */
export type ListState = {
	cursor: number;
	offset: number;
	height: number;
	total: number;
};

export type ListAction =
	| {type: 'up' | 'down' | 'pageUp' | 'pageDown' | 'top' | 'bottom'}
	| {type: 'resize'; height: number}
	| {type: 'total'; total: number}
	| {type: 'select'; index: number};

export const emptyList: ListState = {cursor: 0, offset: 0, height: 1, total: 0};

export function reduceList(state: ListState, action: ListAction): ListState {
	switch (action.type) {
		case 'up': {
			return settle({...state, cursor: state.cursor - 1});
		}

		case 'down': {
			return settle({...state, cursor: state.cursor + 1});
		}

		case 'pageUp': {
			return settle({
				...state,
				cursor: state.cursor - state.height,
				offset: state.offset - state.height,
			});
		}

		case 'pageDown': {
			return settle({
				...state,
				cursor: state.cursor + state.height,
				offset: state.offset + state.height,
			});
		}

		case 'top': {
			return settle({...state, cursor: 0});
		}

		case 'bottom': {
			return settle({...state, cursor: state.total - 1});
		}

		case 'resize': {
			return settle({...state, height: Math.max(1, action.height)});
		}

		case 'total': {
			return settle({...state, total: Math.max(0, action.total)});
		}

		case 'select': {
			return settle({...state, cursor: action.index});
		}
	}
}

/** Keeps the cursor on a row and on screen, and the window inside the list. */
function settle(state: ListState): ListState {
	const last = Math.max(0, state.total - 1);
	const cursor = clamp(state.cursor, 0, last);
	const lastOffset = Math.max(0, state.total - state.height);
	let offset = clamp(state.offset, 0, lastOffset);
	if (cursor < offset) {
		offset = cursor;
	}

	if (cursor >= offset + state.height) {
		offset = cursor - state.height + 1;
	}

	return {...state, cursor, offset};
}

function clamp(value: number, low: number, high: number): number {
	return Math.min(Math.max(value, low), high);
}

/** The list action a key stands for, if it moves the cursor. */
export function listActionFor(
	binding: string | undefined,
): ListAction | undefined {
	switch (binding) {
		case 'up':
		case 'down':
		case 'pageUp':
		case 'pageDown':
		case 'top':
		case 'bottom': {
			return {type: binding};
		}

		default: {
			return undefined;
		}
	}
}

/** A list that only scrolls, such as a drill-down's results. */
export function useList() {
	return useReducer(reduceList, emptyList);
}
