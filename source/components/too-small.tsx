import {Box, Text} from 'ink';

/** The smallest terminal the panes are laid out for. */
export const minimumSize = {columns: 60, rows: 15};

export type TooSmallProps = {columns: number; rows: number};

/** Said instead of a garbled frame; the UI returns when the window grows. */
export function TooSmall({columns, rows}: TooSmallProps) {
	const need = `${minimumSize.columns}x${minimumSize.rows}`;

	return (
		<Box flexDirection="column" width={columns}>
			<Text wrap="wrap">
				Terminal too small: {columns}x{rows}, need at least {need}.
			</Text>
			<Text wrap="wrap">Enlarge the window, or press q to quit.</Text>
		</Box>
	);
}
