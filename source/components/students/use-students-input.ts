import type {Key} from 'ink';
import {useKeys} from '../use-keys.js';
import type {Dispatch} from 'react';
import {matchBinding} from '../../keymap.js';
import {listActionFor} from '../list/list-state.js';
import type {StudentsAction} from './use-students-state.js';

export type StudentsInputOptions = {
	isActive: boolean;
	dispatch: Dispatch<StudentsAction>;
	/** Whether a filter is in force (Esc then clears it). */
	filtered: boolean;
	/** The id under the cursor, if the list has one. */
	selectedId: () => string | undefined;
	/**
	 * Whether a filter is being typed, shared with the app's keys and set
	 * at once, so that keys arriving together ("/q") are read right.
	 */
	typing: {current: boolean};
};

export function useStudentsInput(options: StudentsInputOptions) {
	const {typing, dispatch} = options;

	useKeys(
		(input, key) => {
			if (typing.current) {
				typing.current = type(input, key, dispatch);
			} else {
				browse(input, key, options);
			}
		},
		{isActive: options.isActive},
	);
}

function browse(input: string, key: Key, options: StudentsInputOptions) {
	const {dispatch} = options;
	const binding = matchBinding(input, key);
	const move = listActionFor(binding);
	if (move) {
		dispatch(move);
		return;
	}

	switch (binding) {
		case 'open': {
			const studentId = options.selectedId();
			if (studentId !== undefined) {
				dispatch({type: 'open', studentId});
			}

			break;
		}

		case 'filter': {
			options.typing.current = true;
			dispatch({type: 'startFilter'});
			break;
		}

		case 'back': {
			// One level up from a filtered list is the whole list.
			if (options.filtered) {
				dispatch({type: 'clearFilter'});
			}

			break;
		}

		case 'sort':
		case 'reverse': {
			dispatch({type: binding});
			break;
		}

		default:
	}
}

/**
 * While a filter is typed every key is text, but Enter, Esc and Backspace.
 * Returns whether typing goes on.
 */
function type(
	input: string,
	key: Key,
	dispatch: Dispatch<StudentsAction>,
): boolean {
	if (key.return) {
		dispatch({type: 'keepFilter'});
		return false;
	}

	if (key.escape) {
		dispatch({type: 'clearFilter'});
		return false;
	}

	if (key.backspace || key.delete) {
		dispatch({type: 'erase'});
	} else if (input && !key.ctrl && !key.meta && !key.tab) {
		dispatch({type: 'type', text: input});
	}

	return true;
}
