import {useReducer} from 'react';
import type {StudentSort} from '../../store/query-types.js';
import {
	emptyList,
	reduceList,
	type ListAction,
	type ListState,
} from '../list/list-state.js';

/** The order `s` steps through. */
export const studentSorts: readonly StudentSort[] = [
	'id',
	'average',
	'count',
	'lastSeen',
];

export const sortLabels: Record<StudentSort, string> = {
	id: 'id',
	average: 'average',
	count: 'results',
	lastSeen: 'last seen',
};

/**
 * The cursor is a row number: when students sort in above it, it stays on
 * the row, not the student (the leaderboard follows students instead).
 */
export type StudentsState = {
	list: ListState;
	sort: StudentSort;
	descending: boolean;
	/** The filter in force. */
	filter: string;
	/** The filter being typed; undefined when not typing. */
	draft?: string;
	/** The student drilled into, if any. */
	open?: string;
};

export type StudentsAction =
	| ListAction
	| {type: 'sort' | 'reverse' | 'startFilter' | 'keepFilter' | 'clearFilter'}
	| {type: 'type'; text: string}
	| {type: 'erase'}
	| {type: 'open'; studentId: string}
	| {type: 'close'};

export const initialStudents: StudentsState = {
	list: emptyList,
	sort: 'id',
	descending: false,
	filter: '',
};

export function reduceStudents(
	state: StudentsState,
	action: StudentsAction,
): StudentsState {
	switch (action.type) {
		case 'sort': {
			const next = (studentSorts.indexOf(state.sort) + 1) % studentSorts.length;
			const sort = studentSorts[next] ?? 'id';
			// Highest first is what one wants from averages, counts and times.
			return toTop({...state, sort, descending: sort !== 'id'});
		}

		case 'reverse': {
			return toTop({...state, descending: !state.descending});
		}

		case 'startFilter': {
			return {...state, draft: state.filter};
		}

		case 'type': {
			return toTop({...state, draft: (state.draft ?? '') + action.text});
		}

		case 'erase': {
			return toTop({
				...state,
				draft: [...(state.draft ?? '')].slice(0, -1).join(''),
			});
		}

		case 'keepFilter': {
			return toTop({
				...state,
				filter: state.draft ?? state.filter,
				draft: undefined,
			});
		}

		case 'clearFilter': {
			return toTop({...state, filter: '', draft: undefined});
		}

		case 'open': {
			return {...state, open: action.studentId};
		}

		case 'close': {
			return {...state, open: undefined};
		}

		default: {
			return {...state, list: reduceList(state.list, action)};
		}
	}
}

/** The filter the list shows: the one being typed, live. */
export function activeFilter(state: StudentsState): string {
	return state.draft ?? state.filter;
}

function toTop(state: StudentsState): StudentsState {
	return {...state, list: reduceList(state.list, {type: 'top'})};
}

export function useStudentsState() {
	return useReducer(reduceStudents, initialStudents);
}
