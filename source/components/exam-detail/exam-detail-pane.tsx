import type {ReaderHandle} from '../store-reader.js';
import {useListSync} from '../list/use-list-sync.js';
import {useDetailInput} from '../list/use-detail-input.js';
import {useList} from '../list/list-state.js';
import {useStoreQuery} from '../use-store-query.js';
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
	const [list, dispatch] = useList();
	const detail = useStoreQuery(
		props.reader,
		props.version,
		props.isActive,
		(store) => store.exam(exam),
		[exam],
	);
	useListSync(
		dispatch,
		detail.data?.results.length,
		Math.max(1, height - examDetailChrome),
	);
	useDetailInput({isActive: props.isActive, dispatch, onBack: props.onBack});

	return (
		<ExamDetail
			exam={exam}
			detail={detail.data}
			offset={list.offset}
			cursor={list.cursor}
			width={width}
			height={height}
		/>
	);
}
