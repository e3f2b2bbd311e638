import {Text} from 'ink';
import {keymap} from '../../keymap.js';
import {useTheme} from '../../theme.js';
import {panes, type PaneId} from './use-navigation-state.js';

/** The pane names with their keys; the current one stands out. */
export function PaneTabs({pane}: {pane: PaneId}) {
	const theme = useTheme();

	return (
		<Text wrap="truncate">
			{panes.map((id) => {
				const current = id === pane;
				const label = `${keymap[id].keys} ${keymap[id].label}`;
				return (
					<Text
						key={id}
						color={current ? theme.accent : theme.muted}
						bold={current && theme.color}
					>
						{current ? `[${label}]` : ` ${label} `}{' '}
					</Text>
				);
			})}
		</Text>
	);
}
