import type {DrillDownProps} from '../list/list-pane.js';
import {useDetailPane} from '../list/use-detail-pane.js';
import {StudentDetail, studentDetailChrome} from './student-detail.js';

export type StudentDetailPaneProps = DrillDownProps & {
	studentId: string;
};

/** A student drilled into from the students pane or the leaderboard. */
export function StudentDetailPane(props: StudentDetailPaneProps) {
	const {studentId, width, height} = props;
	const {list, detail} = useDetailPane({
		...props,
		chrome: studentDetailChrome,
		read: (store) => store.student(studentId),
		key: [studentId],
	});

	return (
		<StudentDetail
			studentId={studentId}
			detail={detail}
			offset={list.offset}
			cursor={list.cursor}
			width={width}
			height={height}
		/>
	);
}
