import {Box, Text} from 'ink';
import {keymap, type Binding} from '../../keymap.js';
import {useTheme} from '../../theme.js';
import {cellsWith} from '../safe-text.js';

export type HelpProps = {width: number; height: number};

const keysWidth = 14;

/** Every key from the keymap table, as many as fit. */
export function Help({width, height}: HelpProps) {
	const theme = useTheme();
	const cell = cellsWith(theme.ellipsis);
	const bindings: Binding[] = Object.values(keymap);
	const room = Math.max(0, height - 2);
	const shown = bindings.slice(0, room);

	return (
		<Box flexDirection="column" height={height} width={width}>
			<Text color={theme.accent} bold={theme.color} wrap="truncate">
				Keys ({keymap.help.keys} or {keymap.back.keys} to close)
			</Text>
			{shown.map((binding) => (
				<Text key={binding.id} wrap="truncate">
					<Text color={theme.accent}>{cell(binding.keys, keysWidth)}</Text>{' '}
					{binding.description}
				</Text>
			))}
			{shown.length < bindings.length && (
				<Text color={theme.muted} wrap="truncate">
					{bindings.length - shown.length} more: make the terminal taller
				</Text>
			)}
		</Box>
	);
}
