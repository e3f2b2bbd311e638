import type {ReaderHandle} from '../store-reader.js';
import {useDetailPane} from '../list/use-detail-pane.js';
import {ExamDetail, examDetailChrome} from './exam-detail.js';

export type ExamDetailPaneProps = {
	exam: number;
	reader?: ReaderHandle;
	version: number;
	isActive: boolean;
	onBack: () => void;
	width: number;
	height: number;
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
