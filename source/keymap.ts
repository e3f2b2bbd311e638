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

/**
 * Every key scoretop knows, in the order help and README list them. Order
 * also settles overlaps: the first binding that matches wins.
 */
export const keymap = {
	forceQuit: {
		id: 'app.forceQuit',
		keys: 'Ctrl-C',
		label: 'quit',
		description: 'Quit, even while typing a filter',
		matches: (input, key) => key.ctrl && input === 'c',
	},
	quit: {
		id: 'app.quit',
		keys: 'q',
		label: 'quit',
		description: 'Quit: commit what was received and restore the terminal',
		matches: (input, key) => !key.ctrl && input === 'q',
	},
	help: {
		id: 'app.help',
		keys: '?',
		label: 'help',
		description: 'Show or hide the list of keys',
		matches: (input) => input === '?',
	},
	feed: {
		id: 'pane.feed',
		keys: '1',
		label: 'feed',
		description: 'Feed: the newest scores as they arrive',
		matches: (input) => input === '1',
	},
	leaderboard: {
		id: 'pane.leaderboard',
		keys: '2',
		label: 'leaderboard',
		description: 'Leaderboard: the top students by average',
		matches: (input) => input === '2',
	},
	students: {
		id: 'pane.students',
		keys: '3',
		label: 'students',
		description: 'Students: every student, sorted and filtered',
		matches: (input) => input === '3',
	},
	exams: {
		id: 'pane.exams',
		keys: '4',
		label: 'exams',
		description: 'Exams: every exam with its average',
		matches: (input) => input === '4',
	},
	nextPane: {
		id: 'pane.next',
		keys: 'Tab',
		label: 'next pane',
		description: 'Go to the next pane',
		matches: (_input, key) => key.tab && !key.shift,
	},
	previousPane: {
		id: 'pane.previous',
		keys: 'Shift-Tab',
		label: 'previous pane',
		description: 'Go to the previous pane',
		matches: (_input, key) => key.tab && key.shift,
	},
	up: {
		id: 'list.up',
		keys: 'Up/k',
		label: 'up',
		description: 'Move the selection up one row',
		matches: (input, key) => key.upArrow || input === 'k',
	},
	down: {
		id: 'list.down',
		keys: 'Down/j',
		label: 'down',
		description: 'Move the selection down one row',
		matches: (input, key) => key.downArrow || input === 'j',
	},
	pageUp: {
		id: 'list.pageUp',
		keys: 'PgUp',
		label: 'page up',
		description: 'Move the selection up one screen',
		matches: (_input, key) => key.pageUp,
	},
	pageDown: {
		id: 'list.pageDown',
		keys: 'PgDn',
		label: 'page down',
		description: 'Move the selection down one screen',
		matches: (_input, key) => key.pageDown,
	},
	top: {
		id: 'list.top',
		keys: 'g',
		label: 'top',
		description: 'Jump to the first row',
		matches: (input, key) => input === 'g' || key.home,
	},
	bottom: {
		id: 'list.bottom',
		keys: 'G',
		label: 'bottom',
		description: 'Jump to the last row',
		matches: (input, key) => input === 'G' || key.end,
	},
	open: {
		id: 'list.open',
		keys: 'Enter',
		label: 'open',
		description: 'Drill down into the selected student or exam',
		matches: (_input, key) => key.return,
	},
	back: {
		id: 'list.back',
		keys: 'Esc/Backspace',
		label: 'back',
		description: 'Go back one level (never quits)',
		// Terminals send DEL (Ink's "delete") or BS for Backspace.
		matches: (_input, key) => key.escape || key.backspace || key.delete,
	},
	filter: {
		id: 'list.filter',
		keys: '/',
		label: 'filter',
		description:
			'Filter students by part of their id (Enter keeps, Esc clears)',
		matches: (input) => input === '/',
	},
	sort: {
		id: 'list.sort',
		keys: 's',
		label: 'sort',
		description: 'Sort students by id, average, result count or last seen',
		matches: (input) => input === 's',
	},
	reverse: {
		id: 'list.reverse',
		keys: 'r',
		label: 'reverse',
		description: 'Reverse the sort order',
		matches: (input) => input === 'r',
	},
	pause: {
		id: 'feed.pause',
		keys: 'p',
		label: 'pause',
		description: 'Pause or resume the feed (scores are still stored)',
		matches: (input) => input === 'p',
	},
} satisfies Record<string, Binding>;

export type BindingId = keyof typeof keymap;

export function matchBinding(input: string, key: Key): BindingId | undefined {
	for (const [name, binding] of Object.entries(keymap) as Array<
		[BindingId, Binding]
	>) {
		if (binding.matches(input, key)) {
			return name;
		}
	}

	return undefined;
}

/**
 * The hint line: "keys label" pairs, as many as the width allows; `labels`
 * replaces a label that depends on the moment (pause while paused).
 */
export function hintText(
	ids: readonly BindingId[],
	width: number,
	labels: Partial<Record<BindingId, string>> = {},
): string {
	let text = '';
	for (const id of ids) {
		const {keys} = keymap[id];
		const label = labels[id] ?? keymap[id].label;
		const next = `${text}${text ? '  ' : ''}${keys} ${label}`;
		if (next.length > width) {
			break;
		}

		text = next;
	}

	return text;
}

/** README's key list, generated so the two can never disagree. */
export function keyTableMarkdown(): string {
	const rows = Object.values(keymap).map(
		(binding: Binding) => `| \`${binding.keys}\` | ${binding.description} |`,
	);
	return ['| Keys | Action |', '| --- | --- |', ...rows].join('\n');
}
