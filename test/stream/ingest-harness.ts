import {openReader} from '../../source/store/database.js';
import {Queries} from '../../source/store/queries.js';
import {
	IngestClient,
	type IngestOptions,
} from '../../source/stream/ingest-client.js';
import type {Counters, WorkerMessage} from '../../source/stream/messages.js';
import {waitFor} from '../helpers/wait-for.js';

/** A real ingest worker, with every message it posted kept in order. */
export type Ingest = {
	client: IngestClient;
	messages: WorkerMessage[];
	counters(): Counters | undefined;
	/** Every status line the connection went through, without the timing. */
	states(): string[];
};

export function startIngest(
	options: Pick<IngestOptions, 'url' | 'dbFile'> & Partial<IngestOptions>,
): Ingest {
	const client = new IngestClient({
		source: options.url,
		postIntervalMs: 20,
		...options,
	});
	const messages: WorkerMessage[] = [];
	client.on('message', (message) => messages.push(message));

	return {
		client,
		messages,
		counters() {
			for (let index = messages.length - 1; index >= 0; index--) {
				const message = messages[index];
				if (message && message.type !== 'failed') {
					return message.counters;
				}
			}

			return undefined;
		},
		states() {
			return messages
				.flatMap((message) =>
					message.type === 'update' ? [message.state] : [],
				)
				.map((state) =>
					state.kind === 'reconnecting'
						? `reconnecting (${state.reason}), attempt ${state.attempt}`
						: state.kind === 'closed'
							? `closed (${state.reason})`
							: state.kind,
				);
		},
	};
}

/** Waits until the worker has counted at least this many of each. */
export async function waitForCounts(
	ingest: Ingest,
	want: {stored?: number; rejected?: number; ignored?: number},
	what: string,
): Promise<void> {
	await waitFor(
		() => {
			const counters = ingest.counters();
			return (
				counters !== undefined &&
				counters.stored >= (want.stored ?? 0) &&
				counters.rejected >= (want.rejected ?? 0) &&
				counters.ignored >= (want.ignored ?? 0)
			);
		},
		{what, timeoutMs: 15_000},
	);
}

export type StoredScore = {
	studentId: string;
	exam: number;
	score: number;
	eventId: string;
};

/** What the database holds, in the order it was stored, read as users do. */
export function readStore(dbFile: string): {
	scores: StoredScore[];
	rejects: string[];
	lastEventId: string | undefined;
} {
	const db = openReader(dbFile);
	try {
		const queries = new Queries(db);
		const everything = Number.MAX_SAFE_INTEGER;
		const scores = queries
			.recent(everything)
			.reverse()
			.map(({studentId, exam, score, eventId}) => ({
				studentId,
				exam,
				score,
				eventId,
			}));
		const rejects = queries
			.rejects(0, everything)
			.map((reject) => reject.reason);
		return {scores, rejects, lastEventId: queries.meta('last_event_id')};
	} finally {
		db.close();
	}
}
