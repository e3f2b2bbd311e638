import type {DrillDownProps} from '../list/list-pane.js';
import {useDetailPane} from '../list/use-detail-pane.js';
import {ExamDetail, examDetailChrome} from './exam-detail.js';

export type ExamDetailPaneProps = DrillDownProps & {
	exam: number;
};

/** An exam drilled into from the exams pane. */
export function ExamDetailPane(props: ExamDetailPaneProps) {
	const {exam, width, height} = props;
	const {list, detail} = useDetailPane({
		...props,
		chrome: examDetailChrome,
		read: (store) => store.exam(exam),
		key: [exam],
	});

	return (
		<ExamDetail
			exam={exam}
			detail={detail}
			offset={list.offset}
			cursor={list.cursor}
			width={width}
			height={height}
		/>
	);
}
