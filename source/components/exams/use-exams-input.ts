import type {Dispatch} from 'react';
import {useListInput} from '../list/use-list-input.js';
import type {ExamsAction} from './use-exams-state.js';

export function useExamsInput(options: {
	isActive: boolean;
	dispatch: Dispatch<ExamsAction>;
	/** The exam under the cursor, if the list has one. */
	selectedExam: () => number | undefined;
}) {
	const {dispatch} = options;
	useListInput({
		isActive: options.isActive,
		onMove: dispatch,
		onBinding(binding) {
			if (binding === 'reverse') {
				dispatch({type: 'reverse'});
			}

			const exam = binding === 'open' ? options.selectedExam() : undefined;
			if (exam !== undefined) {
				dispatch({type: 'open', exam});
			}
		},
	});
}
