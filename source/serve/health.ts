import type {Queries} from '../store/queries.js';
import {
	describeState,
	type ConnectionState,
} from '../stream/connection-state.js';
import type {Counters} from '../stream/messages.js';

/**
 * GET /health: the link to the stream, what the file holds, and the lag,
 * the time since the newest stored result arrived. Unhealthy (503) only
 * once the stream has failed for good.
 */
export function healthBody(
	queries: Queries,
	state: ConnectionState,
	counters: Counters | undefined,
): {healthy: boolean; body: Record<string, unknown>} {
	const now = Date.now();
	const newest = queries.recent(1)[0];
	const body = {
		connection: state.kind,
		detail: describeState(state, now),
		...queries.totals(),
		ignored: counters?.ignored ?? 0,
		duplicates: counters?.duplicates ?? 0,
		rate: counters?.rate ?? 0,
		lagMs: newest ? Math.max(0, now - newest.receivedAt) : null,
	};

	return {healthy: state.kind !== 'closed', body};
}
