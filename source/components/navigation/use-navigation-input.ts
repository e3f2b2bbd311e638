import {useKeys} from '../use-keys.js';
import type {Dispatch} from 'react';
import {matchBinding, type BindingId} from '../../keymap.js';
import type {
	NavigationAction,
	NavigationState,
} from './use-navigation-state.js';

export type NavigationInputOptions = {
	state: NavigationState;
	dispatch: Dispatch<NavigationAction>;
	/** While a filter is typed, only Ctrl-C is not text. */
	typing: {current: boolean};
	onQuit: () => void;
};

const paneKeys = {
	feed: 'feed',
	leaderboard: 'leaderboard',
	students: 'students',
	exams: 'exams',
} as const satisfies Partial<Record<BindingId, string>>;

/** The keys that work everywhere: quit, help and moving between panes. */
export function useNavigationInput(options: NavigationInputOptions) {
	const {state, dispatch, typing, onQuit} = options;

	useKeys((input, key) => {
		const binding = matchBinding(input, key);
		if (binding === 'forceQuit' || (binding === 'quit' && !typing.current)) {
			onQuit();
			return;
		}

		if (typing.current) {
			return;
		}

		if (binding === 'help') {
			dispatch({type: 'toggleHelp'});
		} else if (state.help && binding === 'back') {
			dispatch({type: 'closeHelp'});
		} else if (binding === 'nextPane' || binding === 'previousPane') {
			dispatch({type: 'cycle', by: binding === 'nextPane' ? 1 : -1});
		} else if (binding && binding in paneKeys) {
			dispatch({type: 'go', pane: paneKeys[binding as keyof typeof paneKeys]});
		}
	});
}
