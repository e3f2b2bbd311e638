import type {Dispatch} from 'react';
import {useListInput} from '../list/use-list-input.js';
import type {LeaderboardAction} from './use-leaderboard-state.js';

export function useLeaderboardInput(options: {
	isActive: boolean;
	dispatch: Dispatch<LeaderboardAction>;
}) {
	const {dispatch} = options;
	useListInput({
		isActive: options.isActive,
		onMove: dispatch,
		onBinding(binding) {
			if (binding === 'open') {
				dispatch({type: 'open'});
			}
		},
	});
}
