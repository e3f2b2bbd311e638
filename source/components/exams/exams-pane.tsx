import {ExamDetailPane} from '../exam-detail/exam-detail-pane.js';
import {drillDownProps, type ListPaneProps} from '../list/list-pane.js';
import {useListPage} from '../list/use-list-page.js';
import {Exams, examsChrome} from './exams.js';
import {useExamsInput} from './use-exams-input.js';
import type {ExamsAction, ExamsState} from './use-exams-state.js';

export type ExamsPaneProps = ListPaneProps<ExamsState, ExamsAction>;

/** The exams list (one window read per change), or an exam drilled into. */
export function ExamsPane(props: ExamsPaneProps) {
	const {state, dispatch} = props;
	const isActive = props.isActive && state.open === undefined;
	const page = useListPage({
		...props,
		isActive,
		list: state.list,
		chrome: examsChrome,
		read: (store, {offset, limit}) =>
			store.exams(offset, limit, state.descending),
		key: [state.descending],
	});
	useExamsInput({
		isActive,
		dispatch,
		selectedExam: () => page.selected()?.exam,
	});

	if (state.open !== undefined) {
		return <ExamDetailPane exam={state.open} {...drillDownProps(props)} />;
	}

	return (
		<Exams
			state={state}
			rows={page.rows}
			total={page.total}
			width={props.width}
			height={props.height}
		/>
	);
}
