import {Box, Text} from 'ink';
import type {ExamSummary} from '../../store/query-types.js';
import {useTheme} from '../../theme.js';
import {count, score} from '../list/format.js';
import type {ListViewProps} from '../list/list-pane.js';
import {rightColumn, Table, type Column} from '../list/table.js';
import type {ExamsState} from './use-exams-state.js';

export type ExamsProps = ListViewProps<ExamsState, ExamSummary>;

/** Lines above the rows: the count line, the column header. */
export const examsChrome = 2;

const figureWidth = 8;

const columns: ReadonlyArray<Column<ExamSummary>> = [
	rightColumn('exam', 10, (row) => String(row.exam)),
	rightColumn('results', figureWidth, (row) => count(row.count)),
	rightColumn('average', figureWidth, (row) => score(row.average)),
	rightColumn('min', figureWidth, (row) => score(row.min)),
	rightColumn('max', figureWidth, (row) => score(row.max)),
];

/** Every exam with its result count and average. */
export function Exams({state, rows, total, width, height}: ExamsProps) {
	const theme = useTheme();
	const {offset, cursor} = state.list;
	const first = rows.length === 0 ? 0 : offset + 1;
	const order = state.descending ? 'newest first' : 'oldest first';

	return (
		<Box flexDirection="column" height={height} width={width}>
			<Text wrap="truncate" color={theme.muted}>
				{count(first)}-{count(offset + rows.length)} of {count(total)}
				{theme.separator}
				{order}
			</Text>
			<Table
				columns={columns}
				rows={rows}
				selected={cursor - offset}
				rowKey={(row) => row.exam}
				empty="no exams yet"
			/>
		</Box>
	);
}
