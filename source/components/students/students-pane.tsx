import type {Dispatch} from 'react';
import {StudentDetailPane} from '../student-detail/student-detail-pane.js';
import type {ReaderHandle} from '../store-reader.js';
import {useListSync} from '../list/use-list-sync.js';
import {useStoreQuery} from '../use-store-query.js';
import {Students, studentsChrome} from './students.js';
import {useStudentsInput} from './use-students-input.js';
import {
	activeFilter,
	type StudentsAction,
	type StudentsState,
} from './use-students-state.js';

export type StudentsPaneProps = {
	reader?: ReaderHandle;
	version: number;
	state: StudentsState;
	dispatch: Dispatch<StudentsAction>;
	/** Whether a filter is being typed; see useStudentsInput. */
	typing: {current: boolean};
	isActive: boolean;
	width: number;
	height: number;
};

/** The students list (one window read per change), or a student drilled into. */
export function StudentsPane(props: StudentsPaneProps) {
	const {state, dispatch, width, height} = props;
	const listHeight = Math.max(1, height - studentsChrome);
	const filter = activeFilter(state);
	const {offset, cursor} = state.list;
	const page = useStoreQuery(
		props.reader,
		props.version,
		props.isActive && !state.open,
		(store) =>
			store.students({
				sort: state.sort,
				descending: state.descending,
				filter,
				offset,
				limit: listHeight,
			}),
		[state.sort, state.descending, filter, offset, listHeight],
	);
	useListSync(dispatch, page.data?.total, listHeight);
	useStudentsInput({
		isActive: props.isActive && !state.open,
		dispatch,
		typing: props.typing,
		filtered: state.filter !== '',
		selectedId: () => page.data?.rows[cursor - page.data.offset]?.studentId,
	});

	if (state.open) {
		return (
			<StudentDetailPane
				studentId={state.open}
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
		<Students
			state={state}
			rows={page.data?.rows ?? []}
			total={page.data?.total ?? 0}
			width={width}
			height={height}
		/>
	);
}
