import {useEffect, type Dispatch} from 'react';
import type {ListAction} from './list-state.js';

/** Tells a list reducer how many rows exist and how many fit on screen. */
export function useListSync(
	dispatch: Dispatch<ListAction>,
	total: number | undefined,
	height: number,
): void {
	useEffect(() => {
		dispatch({type: 'resize', height});
	}, [dispatch, height]);

	useEffect(() => {
		if (total !== undefined) {
			dispatch({type: 'total', total});
		}
	}, [dispatch, total]);
}
