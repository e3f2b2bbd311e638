import BetterSqlite3 from 'better-sqlite3';
import {EventSource} from 'eventsource';
import {createParser} from 'eventsource-parser';
import {openWriter} from '../store/database.js';
import type {ScoreRecord} from '../store/records.js';
import {columnsOf} from '../store/score-columns.js';
import {ScoreWriter} from '../store/score-writer.js';
import {parsePayload} from '../stream/payload.js';
import {createScoreGenerator} from '../stream/score-generator.js';
import {SseLineGuard} from '../stream/sse-line-guard.js';
import {
	defaultRosterSize,
	defaultSeed,
	startStreamServer,
} from '../stream/stream-server.js';
import {startStreamChild} from './measure.js';

/** Bytes exactly as the built-in server sends them, in the reads they came in. */
export async function captureStream(events: number): Promise<Uint8Array[]> {
	const server = await startStreamServer({
		firehose: true,
		limit: events,
		keepAliveMs: 0,
	});
	const chunks: Uint8Array[] = [];
	try {
		const response = await fetch(server.url);
		const reader = response.body!.getReader();
		let tail = '';
		// The stream stays open after the last event: stop at its id.
		const lastId = `id: ${events}\n`;
		for (;;) {
			const {value} = await reader.read();
			if (!value) {
				break;
			}

			chunks.push(value);
			tail = (tail + Buffer.from(value).toString('latin1')).slice(-200);
			if (tail.includes(lastId) && tail.endsWith('\n\n')) {
				break;
			}
		}

		await reader.cancel();
	} finally {
		await server.close();
	}

	return chunks;
}

/**
 * SSE parsing alone: captured bytes, read by read as the connection feeds
 * them, through the line guard and then the parser inside the eventsource
 * package (its decoder and eventsource-parser, without its event dispatch),
 * counting score events. Returns the seconds taken and every event's data.
 */
export function parseSse(chunks: readonly Uint8Array[]): {
	seconds: number;
	data: string[];
} {
	const data: string[] = [];
	const guard = new SseLineGuard();
	const decoder = new TextDecoder();
	const parser = createParser({
		onEvent(event) {
			if (event.event === 'score') {
				data.push(event.data);
			}
		},
	});
	const started = performance.now();
	for (const chunk of chunks) {
		parser.feed(decoder.decode(guard.push(chunk), {stream: true}));
		while (guard.blocks.size > 0) {
			guard.blocks.shift();
		}
	}

	return {seconds: (performance.now() - started) / 1000, data};
}

/** Parse and validate alone: payload strings in, clean scores out. */
export function parsePayloads(data: readonly string[]): number {
	const started = performance.now();
	let accepted = 0;
	for (const text of data) {
		if (parsePayload(text).ok) {
			accepted += 1;
		}
	}

	if (accepted !== data.length) {
		throw new Error(`only ${accepted} of ${data.length} payloads passed`);
	}

	return (performance.now() - started) / 1000;
}

/** Score records for ids from..to, as the pipeline hands them over. */
export function makeBatch(from: number, to: number): ScoreRecord[] {
	const generator = createScoreGenerator({
		seed: defaultSeed,
		rosterSize: defaultRosterSize,
	});
	const receivedAt = Date.now();
	const records: ScoreRecord[] = [];
	for (let n = from; n <= to; n++) {
		records.push({...generator.eventAt(n), receivedAt, eventId: String(n)});
	}

	return records;
}

/**
 * The store's writer alone: appends events after..after+count to a
 * database in batches, timing only the writes. The same stream the server
 * sends, so a file filled here can be resumed from the server.
 */
export function writeScores(
	dbFile: string,
	source: string,
	{after = 0, count = 0, batchSize = 4000} = {},
): number {
	const db = openWriter(dbFile, source);
	const writer = new ScoreWriter(db);
	let seconds = 0;
	try {
		for (let from = after + 1; from <= after + count; from += batchSize) {
			const to = Math.min(after + count, from + batchSize - 1);
			// Columns are what the reading thread hands the writer.
			const scores = columnsOf(makeBatch(from, to));
			const started = performance.now();
			writer.writeColumns({scores, rejects: [], resumeId: String(to)});
			seconds += (performance.now() - started) / 1000;
		}
	} finally {
		db.close();
	}

	return seconds;
}

/**
 * The obvious design: one client thread reads the same firehose, parses
 * each payload with JSON.parse and runs one INSERT, in its own transaction,
 * on a database with SQLite's default settings. Runs for a fixed time.
 */
export async function runBaseline(
	dbFile: string,
	durationMs: number,
): Promise<number> {
	const db = new BetterSqlite3(dbFile);
	db.exec(`CREATE TABLE scores (
		id INTEGER PRIMARY KEY, student_id TEXT NOT NULL, exam INTEGER NOT NULL,
		score REAL NOT NULL, received_at INTEGER NOT NULL)`);
	const insert = db.prepare(
		'INSERT INTO scores (student_id, exam, score, received_at) VALUES (?, ?, ?, ?)',
	);
	const child = await startStreamChild({firehose: true, limit: 10_000_000});
	let stored = 0;
	let started = 0;
	let ended = 0;
	const source = new EventSource(child.url);
	source.addEventListener('score', (event) => {
		started ||= performance.now();
		// One read dispatches hundreds of events at once: stop on time.
		if (ended > 0 || performance.now() - started > durationMs) {
			ended ||= performance.now();
			return;
		}

		const {studentId, exam, score} = JSON.parse(event.data as string) as {
			studentId: string;
			exam: number;
			score: number;
		};
		insert.run(studentId, exam, score, Date.now());
		stored += 1;
	});
	while (ended === 0) {
		await new Promise((resolve) => {
			setTimeout(resolve, 20);
		});
	}

	const seconds = (ended - started) / 1000;
	source.close();
	await child.stop();
	db.close();
	return stored / seconds;
}
