import {Box, Text} from 'ink';
import type {ConnectionState} from '../../stream/connection-state.js';
import {describeState} from '../../stream/connection-state.js';
import type {Counters} from '../../stream/messages.js';
import {useTheme} from '../../theme.js';
import {escapeControl, fitWidth} from '../safe-text.js';

export type StatusBarProps = {
	source: string;
	state: ConnectionState;
	counters: Counters;
	width: number;
	/** Extra words at the end, such as "paused, 40 new". */
	note?: string;
	now: number;
};

/**
 * The lines the status bar takes: two, and a third once the stream has
 * closed, so the reason (which says what to do next) is never cut.
 */
export function statusLines(state: ConnectionState): number {
	return state.kind === 'closed' ? 3 : 2;
}

/** Where the data comes from, how it flows, and why it stopped. */
export function StatusBar({
	source,
	state,
	counters,
	width,
	note,
	now,
}: StatusBarProps) {
	const theme = useTheme();
	const stateColor = state.kind === 'open' ? theme.good : theme.bad;
	const figures = [
		`scores ${format(counters.stored)}`,
		`students ${format(counters.students)}`,
		`exams ${format(counters.exams)}`,
		`${format(counters.rate)}/s`,
		`rejects ${format(counters.rejected)}`,
	];
	if (note) {
		figures.push(note);
	}

	const stateText =
		state.kind === 'closed' ? 'closed' : describeState(state, now);
	const sourceRoom = Math.max(10, width - stateText.length - 3);

	return (
		<Box flexDirection="column" width={width}>
			<Text wrap="truncate">
				<Text color={theme.accent}>
					{fitWidth(escapeControl(source), sourceRoom, theme.ellipsis)}
				</Text>
				<Text>{theme.separator}</Text>
				<Text color={stateColor}>{stateText}</Text>
			</Text>
			{state.kind === 'closed' && (
				<Text color={stateColor} wrap="truncate">
					{fitWidth(escapeControl(state.reason), width, theme.ellipsis)}
				</Text>
			)}
			<Text wrap="truncate">{figures.join(theme.separator)}</Text>
		</Box>
	);
}

function format(value: number): string {
	return value.toLocaleString('en-US');
}
