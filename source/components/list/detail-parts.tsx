import {Text} from 'ink';
import type {ReactNode} from 'react';
import type {Summary} from '../../store/query-types.js';
import {useTheme} from '../../theme.js';
import {count, score} from './format.js';

/** What a drill-down's view draws from: the read and the list's window. */
export type DetailViewProps<Detail> = {
	detail: Detail | undefined;
	offset: number;
	cursor: number;
	width: number;
	height: number;
};

/** A drill-down's first line: what was drilled into. */
export function DetailTitle({children}: {children: ReactNode}) {
	const theme = useTheme();

	return (
		<Text wrap="truncate" color={theme.accent} bold={theme.color}>
			{children}
		</Text>
	);
}

export type DetailFiguresProps = {
	summary: Summary | undefined;
	/** What was drilled into, for the line shown before anything is stored. */
	noun: string;
};

/** A drill-down's second line: result count, average, min and max. */
export function DetailFigures({summary, noun}: DetailFiguresProps) {
	const theme = useTheme();

	return <Text wrap="truncate">{figures(summary, noun, theme.separator)}</Text>;
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
