import {Text} from 'ink';
import {hintText} from '../../keymap.js';
import {useTheme} from '../../theme.js';
import {hintsFor, type HintContext} from './hints.js';

/** One line of keys for where the user is; `?` has the rest. */
export function HintLine({
	context,
	width,
}: {
	context: HintContext;
	width: number;
}) {
	const theme = useTheme();
	const text = context.typing
		? 'type to filter  Enter keep  Esc clear  Ctrl-C quit'
		: hintText(
				hintsFor(context),
				width,
				context.paused ? {pause: 'resume'} : {},
			);

	return (
		<Text color={theme.muted} wrap="truncate">
			{text}
		</Text>
	);
}
