import {Box, Text} from 'ink';
import type {Result} from '../../store/query-types.js';
import {useTheme, type Theme} from '../../theme.js';
import {cell} from '../safe-text.js';

export type FeedRow = Result & {
	/** The student's average before this score, when known. */
	previousAverage?: number;
};

export type FeedProps = {
	rows: FeedRow[];
	height: number;
	width: number;
};

const timeWidth = 8;
const examWidth = 7;
const scoreWidth = 8;
const trendWidth = 2;

/** The newest scores, newest on top, as many as the height allows. */
export function Feed({rows, height, width}: FeedProps) {
	const theme = useTheme();
	const idWidth = Math.max(
		8,
		width - timeWidth - examWidth - scoreWidth - trendWidth - 4,
	);
	const visible = rows.slice(-Math.max(0, height - 1)).reverse();

	return (
		<Box flexDirection="column" height={height}>
			<Text color={theme.muted} wrap="truncate">
				{cell('time', timeWidth)} {cell('student', idWidth)}{' '}
				{cell('exam', examWidth, true)} {cell('score', scoreWidth, true)}
			</Text>
			{visible.map((row, index) => (
				<Text key={`${row.receivedAt}-${index}`} wrap="truncate">
					{cell(clock(row.receivedAt), timeWidth)}{' '}
					{cell(row.studentId, idWidth)}{' '}
					{cell(String(row.exam), examWidth, true)}{' '}
					{cell(row.score.toFixed(4), scoreWidth, true)} {trend(row, theme)}
				</Text>
			))}
		</Box>
	);
}

function trend(row: FeedRow, theme: Theme) {
	if (row.previousAverage === undefined) {
		return <Text> </Text>;
	}

	if (row.score > row.previousAverage) {
		return <Text color={theme.good}>{theme.up}</Text>;
	}

	if (row.score < row.previousAverage) {
		return <Text color={theme.bad}>{theme.down}</Text>;
	}

	return <Text>{theme.same}</Text>;
}

function clock(milliseconds: number): string {
	return new Date(milliseconds).toTimeString().slice(0, 8);
}
