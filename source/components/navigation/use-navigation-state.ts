import {useReducer} from 'react';

export const panes = ['feed', 'leaderboard', 'students', 'exams'] as const;

export type PaneId = (typeof panes)[number];

export type NavigationState = {pane: PaneId; help: boolean};

export type NavigationAction =
	| {type: 'go'; pane: PaneId}
	| {type: 'cycle'; by: 1 | -1}
	| {type: 'toggleHelp' | 'closeHelp'};

export const initialNavigation: NavigationState = {pane: 'feed', help: false};

/** Which pane is on screen and whether help covers it; nothing else. */
export function reduceNavigation(
	state: NavigationState,
	action: NavigationAction,
): NavigationState {
	switch (action.type) {
		case 'go': {
			return {...state, pane: action.pane, help: false};
		}

		case 'cycle': {
			const index = panes.indexOf(state.pane) + action.by + panes.length;
			return {...state, pane: panes[index % panes.length] ?? 'feed'};
		}

		case 'toggleHelp': {
			return {...state, help: !state.help};
		}

		case 'closeHelp': {
			return {...state, help: false};
		}
	}
}

export function useNavigationState() {
	return useReducer(reduceNavigation, initialNavigation);
}
