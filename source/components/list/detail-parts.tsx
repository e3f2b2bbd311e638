import {Text} from 'ink';
import type {Result, Summary} from '../../store/query-types.js';
import {useTheme} from '../../theme.js';
import {count, score} from './format.js';
import {Table, type Column} from './table.js';

/** What a drill-down's view draws from: the read and the list's window. */
export type DetailViewProps<Detail> = {
	detail: Detail | undefined;
	offset: number;
	cursor: number;
	width: number;
	height: number;
};

export type DetailHeadingProps = {
	/** What was drilled into: `exam`, `student`. */
	noun: string;
	/** Which one, ready to draw. */
	name: string;
	summary: Summary | undefined;
};

/** A drill-down's first two lines: what it shows, then its figures. */
export function DetailHeading({noun, name, summary}: DetailHeadingProps) {
	const theme = useTheme();

	return (
		<>
			<Text wrap="truncate" color={theme.accent} bold={theme.color}>
				{noun} {name}
			</Text>
			<Text wrap="truncate">{figures(summary, noun, theme.separator)}</Text>
		</>
	);
}

function figures(
	summary: Summary | undefined,
	noun: string,
	separator: string,
): string {
	if (!summary) {
		return `no results stored for this ${noun}`;
	}

	return [
		`results ${count(summary.count)}`,
		`average ${score(summary.average)}`,
		`min ${score(summary.min)}`,
		`max ${score(summary.max)}`,
	].join(separator);
}

export type ResultTableProps = {
	columns: ReadonlyArray<Column<Result>>;
	results: readonly Result[] | undefined;
	offset: number;
	cursor: number;
	/** How many results fit under the header. */
	limit: number;
};

/** The window of a drill-down's results on screen, the cursor's marked. */
export function ResultTable(props: ResultTableProps) {
	const {offset, cursor, limit} = props;

	return (
		<Table
			columns={props.columns}
			rows={props.results?.slice(offset, offset + limit) ?? []}
			selected={cursor - offset}
			rowKey={(result, index) => `${result.eventId}-${index}`}
		/>
	);
}
