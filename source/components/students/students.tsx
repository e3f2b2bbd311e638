import {Box, Text} from 'ink';
import type {StudentSummary} from '../../store/query-types.js';
import {useTheme, type Theme} from '../../theme.js';
import {clock, count, score} from '../list/format.js';
import type {ListViewProps} from '../list/list-pane.js';
import {leftColumn, rightColumn, Table, type Column} from '../list/table.js';
import {escapeControl, fitWidth} from '../safe-text.js';
import {
	activeFilter,
	sortLabels,
	type StudentsState,
} from './use-students-state.js';

export type StudentsProps = ListViewProps<StudentsState, StudentSummary>;

/** Lines above the rows: the sort and filter line, the column header. */
export const studentsChrome = 2;

// "99,999,999": a student with a million results still fits.
const countWidth = 10;
const averageWidth = 8;
const timeWidth = 9;

/** Every student, one screenful at a time. */
export function Students({state, rows, total, width, height}: StudentsProps) {
	const theme = useTheme();
	const idWidth = Math.max(
		8,
		width - 2 - countWidth - averageWidth - timeWidth - 3,
	);
	const columns: ReadonlyArray<Column<StudentSummary>> = [
		leftColumn('student', idWidth, (row) => row.studentId),
		rightColumn('results', countWidth, (row) => count(row.count)),
		rightColumn('average', averageWidth, (row) => score(row.average)),
		rightColumn('last seen', timeWidth, (row) => clock(row.lastSeen)),
	];
	const {offset, cursor} = state.list;

	return (
		<Box flexDirection="column" height={height}>
			<Text wrap="truncate">
				<Text color={theme.muted}>
					{summary(state, total, rows.length, theme.separator)}
				</Text>
				{filterText(state, width, theme)}
			</Text>
			<Table
				columns={columns}
				rows={rows}
				selected={cursor - offset}
				rowKey={(row) => row.studentId}
				empty={total === 0 ? 'no students' : ''}
			/>
		</Box>
	);
}

function summary(
	state: StudentsState,
	total: number,
	shown: number,
	separator: string,
): string {
	const first = shown === 0 ? 0 : state.list.offset + 1;
	const last = state.list.offset + shown;
	const order = state.descending ? 'descending' : 'ascending';
	return `${count(first)}-${count(last)} of ${count(total)}${separator}sort ${sortLabels[state.sort]}, ${order}`;
}

function filterText(state: StudentsState, width: number, theme: Theme) {
	const filter = activeFilter(state);
	if (state.draft === undefined && !filter) {
		return '';
	}

	const cursor = state.draft === undefined ? '' : '_';
	const text = fitWidth(
		escapeControl(filter),
		Math.max(4, width / 3),
		theme.ellipsis,
	);
	return `${theme.separator}filter /${text}${cursor}`;
}
