import type {Key} from 'ink';

/** One shortcut: the table drives input handling, the hint line and help. */
export type Binding = {
	id: string;
	/** How the keys are written in the hint line, help and README. */
	keys: string;
	label: string;
	description: string;
	matches: (input: string, key: Key) => boolean;
};

export const keymap = {
	quit: {
		id: 'app.quit',
		keys: 'q',
		label: 'quit',
		description: 'Quit: commit what was received and restore the terminal',
		matches: (input) => input === 'q',
	},
	forceQuit: {
		id: 'app.forceQuit',
		keys: 'Ctrl-C',
		label: 'quit',
		description: 'Quit, even while typing a filter',
		matches: (input, key) => key.ctrl && input === 'c',
	},
} satisfies Record<string, Binding>;

export type BindingId = keyof typeof keymap;

export function matchBinding(input: string, key: Key): BindingId | undefined {
	for (const [name, binding] of Object.entries(keymap) as [
		BindingId,
		Binding,
	][]) {
		if (binding.matches(input, key)) {
			return name;
		}
	}

	return undefined;
}
