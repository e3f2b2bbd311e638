import {useKeys} from '../use-keys.js';
import {matchBinding, type BindingId} from '../../keymap.js';
import {listActionFor, type ListAction} from './list-state.js';

export type ListInputOptions = {
	isActive: boolean;
	onMove: (action: ListAction) => void;
	/** Any other binding the list cares about (open, back, sort...). */
	onBinding?: (binding: BindingId) => void;
};

/** Keys for a plain list: movement, plus whatever else the pane handles. */
export function useListInput({isActive, onMove, onBinding}: ListInputOptions) {
	useKeys(
		(input, key) => {
			const binding = matchBinding(input, key);
			const move = listActionFor(binding);
			if (move) {
				onMove(move);
				return;
			}

			if (binding) {
				onBinding?.(binding);
			}
		},
		{isActive},
	);
}
