import {Text} from 'ink';
import type {ReactNode} from 'react';
import {useTheme} from '../../theme.js';

export type RowProps = {
	selected: boolean;
	children: ReactNode;
};

/**
 * One list row. The selection is marked with a character as well as with
 * inverse video, which Ink drops when colour is off.
 */
export function Row({selected, children}: RowProps) {
	const theme = useTheme();
	const marker = selected ? theme.selectedMarker : ' ';

	return (
		<Text wrap="truncate" inverse={selected && theme.color}>
			{marker} {children}
		</Text>
	);
}

/** The header above a list's rows, indented past the marker column. */
export function HeaderRow({children}: {children: ReactNode}) {
	const theme = useTheme();

	return (
		<Text wrap="truncate" color={theme.muted} bold={theme.color}>
			{'  '}
			{children}
		</Text>
	);
}
