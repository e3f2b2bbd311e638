import {useKeys} from '../use-keys.js';
import type {Dispatch} from 'react';
import {matchBinding} from '../../keymap.js';
import {listActionFor} from '../list/list-state.js';
import type {FeedAction, FeedRow} from './use-feed-state.js';

export type FeedInputOptions = {
	isActive: boolean;
	dispatch: Dispatch<FeedAction>;
	/** The live rows and stored count, frozen when the feed pauses. */
	live: () => {rows: FeedRow[]; stored: number};
};

export function useFeedInput({isActive, dispatch, live}: FeedInputOptions) {
	useKeys(
		(input, key) => {
			const binding = matchBinding(input, key);
			if (binding === 'pause') {
				dispatch({type: 'togglePause', ...live()});
				return;
			}

			const move = listActionFor(binding);
			if (move) {
				dispatch(move);
			}
		},
		{isActive},
	);
}
