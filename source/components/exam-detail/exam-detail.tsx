import {Box, Text} from 'ink';
import type {ExamDetail as Detail} from '../../store/query-types.js';
import {useTheme} from '../../theme.js';
import {Histogram} from '../charts/histogram.js';
import {
	DetailHeading,
	ResultTable,
	type DetailViewProps,
} from '../list/detail-parts.js';
import {score} from '../list/format.js';
import {leftColumn, rightColumn} from '../list/table.js';

export type ExamDetailProps = DetailViewProps<Detail> & {
	exam: number;
};

/** Lines above the results: the title, the figures, the column header. */
export const examDetailChrome = 3;

const rankWidth = 6;
const scoreWidth = 8;

/** One exam: every result by score, the average, the score distribution. */
export function ExamDetail(props: ExamDetailProps) {
	const {exam, detail, offset, cursor, width, height} = props;
	const theme = useTheme();
	const chartWidth = Math.min(36, Math.floor(width * 0.4));
	const listWidth = width - chartWidth - 2;
	const idWidth = Math.max(6, listWidth - 2 - rankWidth - scoreWidth - 2);
	const bodyHeight = Math.max(1, height - 2);

	return (
		<Box flexDirection="column" height={height}>
			<DetailHeading noun="exam" name={String(exam)} summary={detail} />
			<Box height={bodyHeight} overflow="hidden">
				<Box flexDirection="column" width={listWidth}>
					<ResultTable
						columns={[
							rightColumn(
								'rank',
								rankWidth,
								(_result, index) => `#${offset + index + 1}`,
							),
							leftColumn('student', idWidth, (result) => result.studentId),
							rightColumn('score', scoreWidth, (result) => score(result.score)),
						]}
						results={detail?.results}
						offset={offset}
						cursor={cursor}
						limit={bodyHeight - 1}
					/>
				</Box>
				<Box flexDirection="column" marginLeft={2} width={chartWidth}>
					<Text color={theme.muted} wrap="truncate">
						score distribution
					</Text>
					{detail && (
						<Histogram
							bands={detail.distribution}
							width={chartWidth}
							height={bodyHeight - 1}
						/>
					)}
				</Box>
			</Box>
		</Box>
	);
}
