import {parentPort, Worker, workerData} from 'node:worker_threads';
import type {Database} from 'better-sqlite3';
import {openWriter, translate} from '../store/database.js';
import {Queries} from '../store/queries.js';
import {BatchCommitter} from './batch-committer.js';
import {compiledFile} from './compiled-file.js';
import type {ConnectionState} from './connection-state.js';
import type {IngestConfig, MainMessage, WorkerMessage} from './messages.js';
import type {
	ReaderConfig,
	ReaderMessage,
	WriterMessage,
} from './reader-messages.js';
import {runBelowMainThread} from './thread-priority.js';
import {TurnQueue} from './turn-queue.js';
import {describeThrown} from './thrown.js';

/**
 * The worker's entry, and the writing half of ingest: it owns the SQLite
 * writer and the updates to the main thread, and starts a thread of its
 * own that reads and parses the stream, so parsing and committing run side
 * by side. It never renders.
 */
const config = workerData as IngestConfig;
const port = parentPort!;

function post(message: WorkerMessage): void {
	port.postMessage(message);
}

function run(): void {
	if (config.yieldToUi) {
		runBelowMainThread();
	}

	let db: Database;
	try {
		db = openWriter(config.dbFile, config.source);
	} catch (error) {
		post({type: 'failed', message: (error as Error).message});
		return;
	}

	const committer = new BatchCommitter(db);
	const reader = startReader(new Queries(db).meta('last_event_id') ?? '');
	let state: ConnectionState = {kind: 'connecting', attempt: 1};
	let stopping = false;
	let finished = false;
	let stopReason: string | undefined;

	function tell(message: WriterMessage): void {
		reader.postMessage(message);
	}

	// Batches, and the end after them, are taken one per turn of the event
	// loop: when the writer is the slower side the reader's next batch is
	// always waiting, and committing inside the handler left no turn for
	// the update timer or a stop from the main thread for up to a minute.
	const waiting = new TurnQueue<ReaderMessage>((message) => {
		if (message.type === 'batch') {
			commit(message);
			tell({type: 'committed'});
		} else {
			finish();
		}
	});
	let readerEnded = false;

	reader.on('message', (message: ReaderMessage) => {
		if (finished) {
			return;
		}

		if (message.type === 'state') {
			state = message.state;
			postUpdate();
			if (state.kind === 'closed') {
				stop(state.reason);
			}

			return;
		}

		readerEnded ||= message.type === 'ended';
		waiting.push(message);
	});

	reader.on('error', (error: unknown) => {
		fail(describeThrown(error, 'the stream reader failed'));
	});
	// After its end the reader exits, maybe before the batches it sent last
	// are committed: that exit is expected.
	reader.on('exit', () => {
		if (!readerEnded) {
			fail('the stream reader stopped unexpectedly');
		}
	});

	function commit(batch: ReaderMessage & {type: 'batch'}): void {
		const room = captureRoom();
		if (room <= 0) {
			return;
		}

		try {
			committer.commit(batch, room);
		} catch (error) {
			fail(translate(error, config.dbFile).message);
			return;
		}

		if (captureRoom() <= 0) {
			stop();
		}
	}

	// A capture stops at exactly --count scores: duplicates do not count,
	// so the writer takes only as many of a batch as are still wanted.
	function captureRoom(): number {
		const {stopAfter} = config;
		return stopAfter === undefined
			? Number.POSITIVE_INFINITY
			: stopAfter - committer.stored;
	}

	function postUpdate(): void {
		post({type: 'update', ...committer.takeFeed(), state});
	}

	const postTimer = setInterval(postUpdate, config.postIntervalMs);

	// Asks the reader for what it holds; finish() runs once it is all in.
	function stop(reason?: string): void {
		if (stopping) {
			return;
		}

		stopping = true;
		stopReason = reason;
		tell({type: 'stop'});
	}

	function finish(): void {
		finished = true;
		waiting.close();
		clearInterval(postTimer);
		// It has sent all it read; this only makes sure it is gone.
		void reader.terminate();
		postUpdate();
		db.close();
		post({type: 'stopped', counters: committer.snapshot(), reason: stopReason});
		port.close();
	}

	function fail(message: string): void {
		if (finished) {
			return;
		}

		finished = true;
		waiting.close();
		clearInterval(postTimer);
		void reader.terminate();
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
}

function startReader(resumeId: string): Worker {
	const readerConfig: ReaderConfig = {
		url: config.url,
		resumeId,
		stallTimeoutMs: config.stallTimeoutMs,
		maxLineLength: config.maxLineLength,
		maxBatch: config.maxBatch,
		yieldToUi: config.yieldToUi,
	};
	return new Worker(compiledFile('stream-reader-worker.js', import.meta.url), {
		workerData: readerConfig,
		resourceLimits: {maxYoungGenerationSizeMb: 8},
	});
}

run();
