import {parentPort, workerData} from 'node:worker_threads';
import type {Database} from 'better-sqlite3';
import {openWriter, translate} from '../store/database.js';
import {Queries} from '../store/queries.js';
import type {ConnectionState} from './connection-state.js';
import {StreamConnection} from './connection.js';
import {IngestPipeline} from './ingest-pipeline.js';
import type {IngestConfig, MainMessage, WorkerMessage} from './messages.js';

/**
 * The worker's entry: one connection in, one SQLite writer out, and a
 * bounded stream of updates to the main thread. It never renders.
 */
const config = workerData as IngestConfig;
const port = parentPort!;

function post(message: WorkerMessage): void {
	port.postMessage(message);
}

function run(): void {
	let db: Database;
	try {
		db = openWriter(config.dbFile, config.source);
	} catch (error) {
		post({type: 'failed', message: (error as Error).message});
		return;
	}

	const pipeline = new IngestPipeline(db);
	const resumeId = new Queries(db).meta('last_event_id') ?? '';
	let state: ConnectionState = {kind: 'connecting', attempt: 1};
	let stopping = false;

	const connection = new StreamConnection(
		{
			url: config.url,
			resumeId,
			stallTimeoutMs: config.stallTimeoutMs,
			maxLineLength: config.maxLineLength,
		},
		{
			onScore(data, eventId, ownId) {
				if (stopping) {
					return;
				}

				pipeline.acceptEvent(data, eventId, ownId);
				if (pipeline.pending >= config.maxBatch || captureIsFull()) {
					flush();
				}
			},
			onIgnored() {
				pipeline.ignore();
			},
			onOverlong(head, length) {
				pipeline.reject('line-too-long', `${head}… (${length} bytes)`, '');
			},
			onState(next) {
				state = next;
				postUpdate();
				if (next.kind === 'closed') {
					stop(next.reason);
				}
			},
		},
	);

	function flush(): void {
		try {
			pipeline.flush(connection.lastEventId);
		} catch (error) {
			fail(translate(error, config.dbFile).message);
			return;
		}

		const {stopAfter} = config;
		if (stopAfter !== undefined && pipeline.snapshot().stored >= stopAfter) {
			stop();
		}
	}

	// A capture stops at exactly --count scores: duplicates do not count,
	// so the check is made again after each commit.
	function captureIsFull(): boolean {
		const {stopAfter} = config;
		if (stopAfter === undefined) {
			return false;
		}

		return pipeline.snapshot().stored + pipeline.pendingScores >= stopAfter;
	}

	function postUpdate(): void {
		post({type: 'update', ...pipeline.takeFeed(), state});
	}

	const flushTimer = setInterval(flush, config.flushIntervalMs);
	const postTimer = setInterval(postUpdate, config.postIntervalMs);

	function closeAll(): void {
		clearInterval(flushTimer);
		clearInterval(postTimer);
		connection.stop();
	}

	function stop(reason?: string): void {
		if (stopping) {
			return;
		}

		stopping = true;
		connection.stop();
		flush();
		closeAll();
		postUpdate();
		db.close();
		post({type: 'stopped', counters: pipeline.snapshot(), reason});
		port.close();
	}

	function fail(message: string): void {
		stopping = true;
		closeAll();
		try {
			db.close();
		} catch {
			// The database is already unusable; the message says why.
		}

		post({type: 'failed', message});
		port.close();
	}

	port.on('message', (message: MainMessage) => {
		if (message.type === 'stop') {
			stop();
		}
	});

	connection.start();
}

run();
