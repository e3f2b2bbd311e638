import type {Dispatch} from 'react';
import type {ReaderHandle} from '../store-reader.js';

/** What the app hands a list pane that can open a drill-down. */
export type ListPaneProps<State, Action> = {
	reader?: ReaderHandle;
	version: number;
	state: State;
	dispatch: Dispatch<Action>;
	isActive: boolean;
	width: number;
	height: number;
};

/** What a drill-down takes from the pane it was opened from. */
export type DrillDownProps = {
	reader?: ReaderHandle;
	version: number;
	isActive: boolean;
	onBack: () => void;
	width: number;
	height: number;
};

/**
 * A drill-down takes its pane's place, size and focus; going back closes it
 * in the pane's own state.
 */
export function drillDownProps(
	pane: ListPaneProps<unknown, {type: 'close'}>,
): DrillDownProps {
	return {
		reader: pane.reader,
		version: pane.version,
		isActive: pane.isActive,
		onBack() {
			pane.dispatch({type: 'close'});
		},
		width: pane.width,
		height: pane.height,
	};
}

/** What a list pane's view draws from: its state and the window read. */
export type ListViewProps<State, Row> = {
	state: State;
	/** The rows on screen; the store returned only these. */
	rows: readonly Row[];
	total: number;
	width: number;
	height: number;
};
