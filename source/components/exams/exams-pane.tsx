import type {Dispatch} from 'react';
import {ExamDetailPane} from '../exam-detail/exam-detail-pane.js';
import type {ReaderHandle} from '../store-reader.js';
import {useListSync} from '../list/use-list-sync.js';
import {useStoreQuery} from '../use-store-query.js';
import {Exams, examsChrome} from './exams.js';
import {useExamsInput} from './use-exams-input.js';
import type {ExamsAction, ExamsState} from './use-exams-state.js';

export type ExamsPaneProps = {
	reader?: ReaderHandle;
	version: number;
	state: ExamsState;
	dispatch: Dispatch<ExamsAction>;
	isActive: boolean;
	width: number;
	height: number;
};

/** The exams list (one window read per change), or an exam drilled into. */
export function ExamsPane(props: ExamsPaneProps) {
	const {state, dispatch, width, height} = props;
	const listHeight = Math.max(1, height - examsChrome);
	const {offset, cursor} = state.list;
	const page = useStoreQuery(
		props.reader,
		props.version,
		props.isActive && state.open === undefined,
		(store) => store.exams(offset, listHeight, state.descending),
		[offset, listHeight, state.descending],
	);
	useListSync(dispatch, page.data?.total, listHeight);
	useExamsInput({
		isActive: props.isActive && state.open === undefined,
		dispatch,
		selectedExam: () => page.data?.rows[cursor - page.data.offset]?.exam,
	});

	if (state.open !== undefined) {
		return (
			<ExamDetailPane
				exam={state.open}
				reader={props.reader}
				version={props.version}
				isActive={props.isActive}
				onBack={() => {
					dispatch({type: 'close'});
				}}
				width={width}
				height={height}
			/>
		);
	}

	return (
		<Exams
			state={state}
			rows={page.data?.rows ?? []}
			total={page.data?.total ?? 0}
			width={width}
			height={height}
		/>
	);
}
