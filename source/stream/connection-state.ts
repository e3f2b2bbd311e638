/** Where the link to the stream stands, as the status bar shows it. */
export type ConnectionState =
	| {kind: 'connecting'; attempt: number}
	| {kind: 'open'; since: number}
	| {
			kind: 'reconnecting';
			reason: string;
			attempt: number;
			/** When the next attempt starts, in ms since the epoch. */
			nextAt: number;
	  }
	| {kind: 'closed'; reason: string; fatal: boolean};

export function describeState(state: ConnectionState, now: number): string {
	switch (state.kind) {
		case 'connecting': {
			return state.attempt > 1
				? `connecting, attempt ${state.attempt}`
				: 'connecting';
		}

		case 'open': {
			return 'open';
		}

		case 'reconnecting': {
			const seconds = Math.max(0, (state.nextAt - now) / 1000);
			return `reconnecting (${state.reason}), attempt ${state.attempt}, next in ${seconds.toFixed(1)}s`;
		}

		case 'closed': {
			return `closed (${state.reason})`;
		}
	}
}
