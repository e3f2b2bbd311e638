import type {BindingId} from '../../keymap.js';
import type {PaneId} from './use-navigation-state.js';

/** Where the user is, as far as the hint line cares. */
export type HintContext = {
	pane: PaneId;
	help: boolean;
	drilled: boolean;
	typing: boolean;
	/** The feed is paused, so its key resumes it. */
	paused?: boolean;
};

/** The keys worth showing right now, most useful first. */
export function hintsFor(context: HintContext): BindingId[] {
	if (context.help) {
		return ['help', 'back', 'quit'];
	}

	if (context.drilled) {
		return ['back', 'down', 'up', 'nextPane', 'help', 'quit'];
	}

	switch (context.pane) {
		case 'feed': {
			return ['pause', 'down', 'up', 'nextPane', 'help', 'quit'];
		}

		case 'students': {
			return [
				'open',
				'filter',
				'sort',
				'reverse',
				'down',
				'up',
				'help',
				'quit',
			];
		}

		case 'exams': {
			return ['open', 'reverse', 'down', 'up', 'nextPane', 'help', 'quit'];
		}

		case 'leaderboard': {
			return ['open', 'down', 'up', 'nextPane', 'help', 'quit'];
		}
	}
}
