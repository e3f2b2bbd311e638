import fs from 'node:fs';
import {RuntimeError} from '../errors.js';
import {ingestTarget, type ResolvedSource} from '../resolve-source.js';
import {openReader} from '../store/database.js';
import {Queries} from '../store/queries.js';
import {describeState} from '../stream/connection-state.js';
import {IngestClient} from '../stream/ingest-client.js';
import {emptyCounters, type Counters} from '../stream/messages.js';

export type HeadlessOptions = {
	resolved: ResolvedSource;
	stallTimeoutMs: number;
	/** Capture: stop after this many scores stored by this run. */
	count?: number;
	/** Capture: stop after this long (ms). */
	durationMs?: number;
	summaryIntervalMs?: number;
	log: (line: string) => void;
};

/**
 * Ingests without the UI. State changes and a summary every ten seconds go
 * to stderr; a signal commits, closes and ends the run with exit 0; a stream
 * that fails for good ends it with its reason.
 */
export async function runHeadless(options: HeadlessOptions): Promise<Counters> {
	const {resolved, log} = options;
	const client = new IngestClient({
		...ingestTarget(resolved),
		stallTimeoutMs: options.stallTimeoutMs,
		stopAfter:
			options.count === undefined
				? undefined
				: storedBefore(resolved.dbFile) + options.count,
		onWorkerOutput: log,
	});

	let lastState = '';
	let counters: Counters | undefined;
	let failure: string | undefined;

	client.on('message', (message) => {
		if (message.type === 'update') {
			counters = message.counters;
			const state = describeState(message.state, Date.now()).replace(
				/, next in .*$/,
				'',
			);
			// A final close is said once, by the error the run ends with.
			const final = message.state.kind === 'closed' && message.state.fatal;
			if (state !== lastState && !final) {
				lastState = state;
				log(`scoretop: ${state}`);
			}
		} else if (message.type === 'stopped') {
			counters = message.counters;
			failure ??= message.reason;
		} else {
			failure ??= message.message;
		}
	});

	const stop = () => {
		void client.stop();
	};

	const summary = setInterval(() => {
		if (counters) {
			log(`scoretop: ${summarise(counters)}`);
		}
	}, options.summaryIntervalMs ?? 10_000);
	const deadline =
		options.durationMs === undefined
			? undefined
			: setTimeout(stop, options.durationMs);
	for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
		process.on(signal, stop);
	}

	try {
		await new Promise<void>((resolve) => {
			client.once('exit', () => {
				resolve();
			});
		});
	} finally {
		clearInterval(summary);
		clearTimeout(deadline);
		for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
			process.off(signal, stop);
		}

		await resolved.server?.close();
	}

	if (failure) {
		throw new RuntimeError(failure);
	}

	const final = counters ?? emptyCounters;
	log(`scoretop: stopped; ${summarise(final)}`);
	return final;
}

/**
 * The worker counts every score in the file, so a capture into a database
 * that already holds some stops at their number plus --count.
 */
function storedBefore(dbFile: string): number {
	if (!fs.existsSync(dbFile)) {
		return 0;
	}

	const db = openReader(dbFile);
	try {
		return new Queries(db).totals().scores;
	} finally {
		db.close();
	}
}

export function summarise(counters: Counters): string {
	return [
		`${counters.stored} scores`,
		`${counters.students} students`,
		`${counters.exams} exams`,
		`${counters.rejected} rejects`,
		`${counters.ignored} ignored`,
		`${counters.rate}/s`,
	].join(', ');
}
