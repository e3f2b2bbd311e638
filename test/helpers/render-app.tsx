import {EventEmitter} from 'node:events';
import {render} from 'ink-testing-library';
import type {ReactElement} from 'react';
import type {ReaderHandle} from '../../source/components/store-reader.js';
import {openReader, openWriter} from '../../source/store/database.js';
import {Queries} from '../../source/store/queries.js';
import type {Result} from '../../source/store/query-types.js';
import type {ScoreRecord} from '../../source/store/records.js';
import {ScoreWriter} from '../../source/store/score-writer.js';
import type {WorkerMessage} from '../../source/stream/messages.js';
import {emptyCounters} from '../../source/use-ingest.js';
import {tempDb} from './temp-dir.js';
import {waitFor} from './wait-for.js';

/** Key names to the bytes a terminal sends for them. */
export const keys = {
	enter: '\r',
	escape: '\u001B',
	backspace: '\u007F',
	tab: '\t',
	shiftTab: '\u001B[Z',
	up: '\u001B[A',
	down: '\u001B[B',
	pageUp: '\u001B[5~',
	pageDown: '\u001B[6~',
	ctrlC: '\u0003',
} as const;

/**
 * Renders with a fixed terminal size (ink-testing-library fakes 100 columns
 * and no rows otherwise), presses keys and waits for frames without sleeps.
 */
export function renderSized(
	element: ReactElement,
	{columns = 80, rows = 24} = {},
) {
	const instance = render(element);
	const setSize = (width: number, height: number) => {
		for (const [name, value] of [
			['columns', width],
			['rows', height],
		] as const) {
			Object.defineProperty(instance.stdout, name, {
				value,
				configurable: true,
			});
		}
	};

	setSize(columns, rows);
	instance.rerender(element);

	return {
		...instance,
		press(key: string) {
			instance.stdin.write(key);
		},
		/** As a terminal window would: new size, then a resize event. */
		resize(width: number, height: number) {
			setSize(width, height);
			instance.stdout.emit('resize');
		},
		async waitForFrame(text: string | RegExp, timeoutMs = 5000) {
			const frame = await waitFor(
				() => {
					const frame = instance.lastFrame() ?? '';
					return (
						(typeof text === 'string'
							? frame.includes(text)
							: text.test(frame)) && frame
					);
				},
				{
					timeoutMs,
					what: `a frame showing ${String(text)}; the last was\n${instance.lastFrame() ?? ''}`,
				},
			);

			// Ink writes a frame before React runs the effects that attach the
			// new pane's key handlers; let them run before the next key.
			await new Promise((resolve) => {
				setImmediate(resolve);
			});
			return frame;
		},
	};
}

/** Stands in for the worker's side of the ingest client in UI tests. */
export class FakeIngest extends EventEmitter<{message: [WorkerMessage]}> {
	send(message: WorkerMessage) {
		this.emit('message', message);
	}

	/** An update as the worker posts it after a commit. */
	update(stored: number, feed: Result[] = []) {
		this.send({
			type: 'update',
			feed,
			skipped: 0,
			counters: {...emptyCounters, stored, rate: 12},
			state: {kind: 'open', since: Date.now()},
		});
	}
}

/**
 * A real SQLite file written the way the worker writes it, and the reader
 * the app gets in production over its own read-only connection.
 */
export function storeFixture(source = 'http://127.0.0.1:1/scores') {
	const file = tempDb();
	const writerDb = openWriter(file, source);
	const writer = new ScoreWriter(writerDb);
	let queries: Queries | undefined;
	let stored = 0;
	let nextId = 1;

	const reader: ReaderHandle = () => {
		queries ??= new Queries(openReader(file));
		return queries;
	};

	return {
		file,
		reader,
		/** Stores scores (ids and times filled in); returns what was stored. */
		write(scores: Array<Omit<ScoreRecord, 'receivedAt' | 'eventId'>>) {
			const records = scores.map((score) => ({
				...score,
				receivedAt: Date.now(),
				eventId: String(nextId++),
			}));
			stored += writer.write({scores: records, rejects: []}).stored;
			return records;
		},
		get stored() {
			return stored;
		},
		close() {
			writerDb.close();
		},
	};
}
