import {Box, Text} from 'ink';
import type {StudentDetail as Detail} from '../../store/query-types.js';
import {useTheme} from '../../theme.js';
import {sparkline} from '../charts/sparkline.js';
import {clock, count, score} from '../list/format.js';
import {HeaderRow, Row} from '../list/row.js';
import {cellsWith, escapeControl, fitWidth} from '../safe-text.js';

export type StudentDetailProps = {
	studentId: string;
	detail: Detail | undefined;
	offset: number;
	cursor: number;
	width: number;
	height: number;
};

/** Lines above the results: name, figures, sparkline, column header. */
export const studentDetailChrome = 4;

const examWidth = 8;
const scoreWidth = 8;
const timeWidth = 8;

/** One student: every result by exam, the figures, and a sparkline. */
export function StudentDetail(props: StudentDetailProps) {
	const {studentId, detail, offset, cursor, width, height} = props;
	const theme = useTheme();
	const cell = cellsWith(theme.ellipsis);
	const rows = detail?.results.slice(
		offset,
		offset + height - studentDetailChrome,
	);
	const scores = detail?.results.map((result) => result.score) ?? [];

	return (
		<Box flexDirection="column" height={height}>
			<Text wrap="truncate" color={theme.accent} bold={theme.color}>
				student {fitWidth(escapeControl(studentId), width - 8, theme.ellipsis)}
			</Text>
			<Text wrap="truncate">{figures(detail, theme.separator)}</Text>
			<Text wrap="truncate">
				<Text color={theme.muted}>scores by exam </Text>
				<Text color={theme.accent}>
					{sparkline(scores, width - 15, theme.levels)}
				</Text>
			</Text>
			<HeaderRow>
				{cell('exam', examWidth, true)} {cell('score', scoreWidth, true)}{' '}
				{cell('received', timeWidth)}
			</HeaderRow>
			{rows?.map((result, index) => (
				<Row
					key={`${result.eventId}-${index}`}
					selected={offset + index === cursor}
				>
					{cell(String(result.exam), examWidth, true)}{' '}
					{cell(score(result.score), scoreWidth, true)}{' '}
					{cell(clock(result.receivedAt), timeWidth)}
				</Row>
			))}
		</Box>
	);
}

function figures(detail: Detail | undefined, separator: string): string {
	if (!detail) {
		return 'no results stored for this student';
	}

	return [
		`results ${count(detail.count)}`,
		`average ${score(detail.average)}`,
		`min ${score(detail.min)}`,
		`max ${score(detail.max)}`,
	].join(separator);
}
