import type {ReaderHandle} from '../store-reader.js';
import {useListSync} from '../list/use-list-sync.js';
import {useStoreQuery} from '../use-store-query.js';
import {StudentDetail, studentDetailChrome} from './student-detail.js';
import {useDetailInput} from '../list/use-detail-input.js';
import {useList} from '../list/list-state.js';

export type StudentDetailPaneProps = {
	studentId: string;
	reader?: ReaderHandle;
	version: number;
	isActive: boolean;
	onBack: () => void;
	width: number;
	height: number;
};

/** A student drilled into from the students pane or the leaderboard. */
export function StudentDetailPane(props: StudentDetailPaneProps) {
	const {studentId, width, height} = props;
	const [list, dispatch] = useList();
	const detail = useStoreQuery(
		props.reader,
		props.version,
		props.isActive,
		(store) => store.student(studentId),
		[studentId],
	);
	useListSync(
		dispatch,
		detail.data?.results.length,
		Math.max(1, height - studentDetailChrome),
	);
	useDetailInput({isActive: props.isActive, dispatch, onBack: props.onBack});

	return (
		<StudentDetail
			studentId={studentId}
			detail={detail.data}
			offset={list.offset}
			cursor={list.cursor}
			width={width}
			height={height}
		/>
	);
}
