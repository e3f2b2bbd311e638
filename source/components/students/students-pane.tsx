import {drillDownProps, type ListPaneProps} from '../list/list-pane.js';
import {useListPage} from '../list/use-list-page.js';
import {StudentDetailPane} from '../student-detail/student-detail-pane.js';
import {Students, studentsChrome} from './students.js';
import {useStudentsInput} from './use-students-input.js';
import {
	activeFilter,
	type StudentsAction,
	type StudentsState,
} from './use-students-state.js';

export type StudentsPaneProps = ListPaneProps<StudentsState, StudentsAction> & {
	/** Whether a filter is being typed; see useStudentsInput. */
	typing: {current: boolean};
};

/** The students list (one window read per change), or a student drilled into. */
export function StudentsPane(props: StudentsPaneProps) {
	const {state, dispatch} = props;
	const isActive = props.isActive && !state.open;
	const filter = activeFilter(state);
	const page = useListPage({
		...props,
		isActive,
		list: state.list,
		chrome: studentsChrome,
		read: (store, window) =>
			store.students({
				sort: state.sort,
				descending: state.descending,
				filter,
				...window,
			}),
		key: [state.sort, state.descending, filter],
	});
	useStudentsInput({
		isActive,
		dispatch,
		typing: props.typing,
		filtered: state.filter !== '',
		selectedId: () => page.selected()?.studentId,
	});

	if (state.open) {
		return (
			<StudentDetailPane studentId={state.open} {...drillDownProps(props)} />
		);
	}

	return (
		<Students
			state={state}
			rows={page.rows}
			total={page.total}
			width={props.width}
			height={props.height}
		/>
	);
}
