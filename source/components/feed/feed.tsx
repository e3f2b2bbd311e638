import {Box, Text} from 'ink';
import {useTheme, type Theme} from '../../theme.js';
import {clock, score} from '../list/format.js';
import {HeaderRow, Row} from '../list/row.js';
import {cellsWith} from '../safe-text.js';
import type {FeedRow} from './use-feed-state.js';

export type {FeedRow} from './use-feed-state.js';

export type FeedProps = {
	/** The rows on screen, newest first. */
	rows: readonly FeedRow[];
	/** Which of them is selected, if any. */
	cursor?: number;
	/** Each student's current average, for the trend arrow. */
	averages: ReadonlyMap<string, number>;
	/** Said in place of the rows while there are none. */
	empty: string;
	width: number;
	height: number;
};

const timeWidth = 8;
const examWidth = 7;
const scoreWidth = 8;

/** The newest scores, with an arrow saying how each compares with the average. */
export function Feed(props: FeedProps) {
	const {rows, cursor, averages, empty, width, height} = props;
	const theme = useTheme();
	const cell = cellsWith(theme.ellipsis);
	const idWidth = Math.max(
		8,
		width - 2 - timeWidth - examWidth - scoreWidth - 2 - 4,
	);

	return (
		<Box flexDirection="column" height={height}>
			<HeaderRow>
				{cell('time', timeWidth)} {cell('student', idWidth)}{' '}
				{cell('exam', examWidth, true)} {cell('score', scoreWidth, true)}
			</HeaderRow>
			{rows.length === 0 && (
				<Text color={theme.muted} wrap="truncate">
					{' '}
					{empty}
				</Text>
			)}
			{rows.map((row, index) => (
				<Row
					key={`${row.eventId}-${row.receivedAt}-${index}`}
					selected={index === cursor}
				>
					{cell(clock(row.receivedAt), timeWidth)}{' '}
					{cell(row.studentId, idWidth)}{' '}
					{cell(String(row.exam), examWidth, true)}{' '}
					{cell(score(row.score), scoreWidth, true)}{' '}
					{trend(row, averages.get(row.studentId), theme)}
				</Row>
			))}
		</Box>
	);
}

function trend(row: FeedRow, average: number | undefined, theme: Theme) {
	if (average === undefined) {
		return <Text> </Text>;
	}

	if (row.score > average) {
		return <Text color={theme.good}>{theme.up}</Text>;
	}

	if (row.score < average) {
		return <Text color={theme.bad}>{theme.down}</Text>;
	}

	return <Text>{theme.same}</Text>;
}
