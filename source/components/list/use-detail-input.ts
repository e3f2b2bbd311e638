import type {Dispatch} from 'react';
import type {ListAction} from './list-state.js';
import {useListInput} from './use-list-input.js';

/** Keys inside a drill-down: move through its rows, or go back. */
export function useDetailInput(options: {
	isActive: boolean;
	dispatch: Dispatch<ListAction>;
	onBack: () => void;
}) {
	useListInput({
		isActive: options.isActive,
		onMove: options.dispatch,
		onBinding(binding) {
			if (binding === 'back') {
				options.onBack();
			}
		},
	});
}
