import {Box, Text} from 'ink';
import type {StudentSummary} from '../../store/query-types.js';
import {useTheme} from '../../theme.js';
import {count, score} from '../list/format.js';
import {HeaderRow, Row} from '../list/row.js';
import {cellsWith} from '../safe-text.js';

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
const countWidth = 8;

/** The top students by average, with how many results each average rests on. */
export function Leaderboard(props: LeaderboardProps) {
	const {rows, firstRank, cursor, width, height} = props;
	const theme = useTheme();
	const cell = cellsWith(theme.ellipsis);
	const idWidth = Math.max(
		8,
		width - 2 - rankWidth - averageWidth - countWidth - 3,
	);

	return (
		<Box flexDirection="column" height={height}>
			<HeaderRow>
				{cell('rank', rankWidth, true)} {cell('student', idWidth)}{' '}
				{cell('average', averageWidth, true)}{' '}
				{cell('results', countWidth, true)}
			</HeaderRow>
			{rows.length === 0 && <Text color={theme.muted}> no students yet</Text>}
			{rows.map((row, index) => (
				<Row key={row.studentId} selected={index === cursor}>
					{cell(`#${firstRank + index}`, rankWidth, true)}{' '}
					{cell(row.studentId, idWidth)}{' '}
					{cell(score(row.average), averageWidth, true)}{' '}
					{cell(count(row.count), countWidth, true)}
				</Row>
			))}
		</Box>
	);
}
