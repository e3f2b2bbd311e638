import {useReducer} from 'react';
import {
	emptyList,
	reduceList,
	type ListAction,
	type ListState,
} from '../list/list-state.js';

export type ExamsState = {
	list: ListState;
	/** Exams are listed by number; `r` puts the newest first. */
	descending: boolean;
	/** The exam drilled into, if any. */
	open?: number;
};

export type ExamsAction =
	| ListAction
	| {type: 'reverse'}
	| {type: 'open'; exam: number}
	| {type: 'close'};

export const initialExams: ExamsState = {list: emptyList, descending: false};

export function reduceExams(
	state: ExamsState,
	action: ExamsAction,
): ExamsState {
	switch (action.type) {
		case 'reverse': {
			return {
				...state,
				descending: !state.descending,
				list: reduceList(state.list, {type: 'top'}),
			};
		}

		case 'open': {
			return {...state, open: action.exam};
		}

		case 'close': {
			return {...state, open: undefined};
		}

		default: {
			return {...state, list: reduceList(state.list, action)};
		}
	}
}

export function useExamsState() {
	return useReducer(reduceExams, initialExams);
}
