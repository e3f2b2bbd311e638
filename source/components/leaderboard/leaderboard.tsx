import {Box} from 'ink';
import type {StudentSummary} from '../../store/query-types.js';
import {count, score} from '../list/format.js';
import {leftColumn, rightColumn, Table, type Column} from '../list/table.js';

export type LeaderboardProps = {
	/** The rows on screen, in rank order. */
	rows: readonly StudentSummary[];
	/** The rank of the first row, from 1. */
	firstRank: number;
	cursor: number;
	width: number;
	height: number;
};

const rankWidth = 5;
const averageWidth = 8;
// "99,999,999": a student with a million results still fits.
const countWidth = 10;

/** The top students by average, with how many results each average rests on. */
export function Leaderboard(props: LeaderboardProps) {
	const {rows, firstRank, cursor, width, height} = props;
	const idWidth = Math.max(
		8,
		width - 2 - rankWidth - averageWidth - countWidth - 3,
	);
	const columns: ReadonlyArray<Column<StudentSummary>> = [
		rightColumn('rank', rankWidth, (_row, index) => `#${firstRank + index}`),
		leftColumn('student', idWidth, (row) => row.studentId),
		rightColumn('average', averageWidth, (row) => score(row.average)),
		rightColumn('results', countWidth, (row) => count(row.count)),
	];

	return (
		<Box flexDirection="column" height={height}>
			<Table
				columns={columns}
				rows={rows}
				selected={cursor}
				rowKey={(row) => row.studentId}
				empty="no students yet"
			/>
		</Box>
	);
}
