import {Box, Text} from 'ink';
import type {StudentDetail as Detail} from '../../store/query-types.js';
import {useTheme} from '../../theme.js';
import {sparkline} from '../charts/sparkline.js';
import {
	DetailHeading,
	ResultTable,
	type DetailViewProps,
} from '../list/detail-parts.js';
import {clock, score} from '../list/format.js';
import {leftColumn, rightColumn} from '../list/table.js';
import {escapeControl, fitWidth} from '../safe-text.js';

export type StudentDetailProps = DetailViewProps<Detail> & {
	studentId: string;
};

/** Lines above the results: name, figures, sparkline, column header. */
export const studentDetailChrome = 4;

/** One student: every result by exam, the figures, and a sparkline. */
export function StudentDetail(props: StudentDetailProps) {
	const {studentId, detail, offset, cursor, width, height} = props;
	const theme = useTheme();
	const scores = detail?.results.map((result) => result.score) ?? [];

	return (
		<Box flexDirection="column" height={height}>
			<DetailHeading
				noun="student"
				name={fitWidth(escapeControl(studentId), width - 8, theme.ellipsis)}
				summary={detail}
			/>
			<Text wrap="truncate">
				<Text color={theme.muted}>scores by exam </Text>
				<Text color={theme.accent}>
					{sparkline(scores, width - 15, theme.levels)}
				</Text>
			</Text>
			<ResultTable
				columns={[
					rightColumn('exam', 8, (result) => String(result.exam)),
					rightColumn('score', 8, (result) => score(result.score)),
					leftColumn('received', 8, (result) => clock(result.receivedAt)),
				]}
				results={detail?.results}
				offset={offset}
				cursor={cursor}
				limit={height - studentDetailChrome}
			/>
		</Box>
	);
}
