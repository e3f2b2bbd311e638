import {Box, Text} from 'ink';
import type {StudentDetail as Detail} from '../../store/query-types.js';
import {useTheme} from '../../theme.js';
import {sparkline} from '../charts/sparkline.js';
import {
	DetailFigures,
	DetailTitle,
	type DetailViewProps,
} from '../list/detail-parts.js';
import {clock, score} from '../list/format.js';
import {HeaderRow, Row} from '../list/row.js';
import {cellsWith, escapeControl, fitWidth} from '../safe-text.js';

export type StudentDetailProps = DetailViewProps<Detail> & {
	studentId: string;
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
			<DetailTitle>
				student {fitWidth(escapeControl(studentId), width - 8, theme.ellipsis)}
			</DetailTitle>
			<DetailFigures summary={detail} noun="student" />
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
