import {Box, Text} from 'ink';
import type {ExamSummary} from '../../store/query-types.js';
import {useTheme} from '../../theme.js';
import {count, score} from '../list/format.js';
import {HeaderRow, Row} from '../list/row.js';
import {cellsWith} from '../safe-text.js';
import type {ExamsState} from './use-exams-state.js';

export type ExamsProps = {
	state: ExamsState;
	/** The rows on screen; the store returned only these. */
	rows: readonly ExamSummary[];
	total: number;
	width: number;
	height: number;
};

/** Lines above the rows: the count line, the column header. */
export const examsChrome = 2;

const examWidth = 10;
const figureWidth = 8;

/** Every exam with its result count and average. */
export function Exams({state, rows, total, width, height}: ExamsProps) {
	const theme = useTheme();
	const cell = cellsWith(theme.ellipsis);
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
			<HeaderRow>
				{cell('exam', examWidth, true)} {cell('results', figureWidth, true)}{' '}
				{cell('average', figureWidth, true)} {cell('min', figureWidth, true)}{' '}
				{cell('max', figureWidth, true)}
			</HeaderRow>
			{rows.length === 0 && <Text color={theme.muted}> no exams yet</Text>}
			{rows.map((row, index) => (
				<Row key={row.exam} selected={offset + index === cursor}>
					{cell(String(row.exam), examWidth, true)}{' '}
					{cell(count(row.count), figureWidth, true)}{' '}
					{cell(score(row.average), figureWidth, true)}{' '}
					{cell(score(row.min), figureWidth, true)}{' '}
					{cell(score(row.max), figureWidth, true)}
				</Row>
			))}
		</Box>
	);
}
