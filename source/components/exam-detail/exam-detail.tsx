import {Box, Text} from 'ink';
import type {ExamDetail as Detail} from '../../store/query-types.js';
import {useTheme} from '../../theme.js';
import {Histogram} from '../charts/histogram.js';
import {
	DetailFigures,
	DetailTitle,
	type DetailViewProps,
} from '../list/detail-parts.js';
import {score} from '../list/format.js';
import {HeaderRow, Row} from '../list/row.js';
import {cellsWith} from '../safe-text.js';

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
	const cell = cellsWith(theme.ellipsis);
	const chartWidth = Math.min(36, Math.floor(width * 0.4));
	const listWidth = width - chartWidth - 2;
	const idWidth = Math.max(6, listWidth - 2 - rankWidth - scoreWidth - 2);
	const bodyHeight = Math.max(1, height - 2);
	const rows = detail?.results.slice(offset, offset + bodyHeight - 1);

	return (
		<Box flexDirection="column" height={height}>
			<DetailTitle>exam {exam}</DetailTitle>
			<DetailFigures summary={detail} noun="exam" />
			<Box height={bodyHeight} overflow="hidden">
				<Box flexDirection="column" width={listWidth}>
					<HeaderRow>
						{cell('rank', rankWidth, true)} {cell('student', idWidth)}{' '}
						{cell('score', scoreWidth, true)}
					</HeaderRow>
					{rows?.map((result, index) => (
						<Row
							key={`${result.eventId}-${index}`}
							selected={offset + index === cursor}
						>
							{cell(`#${offset + index + 1}`, rankWidth, true)}{' '}
							{cell(result.studentId, idWidth)}{' '}
							{cell(score(result.score), scoreWidth, true)}
						</Row>
					))}
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
