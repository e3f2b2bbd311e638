import type {Database} from 'better-sqlite3';
import type {ReaderHandle} from '../components/store-reader.js';
import {openReader} from '../store/database.js';
import {Queries} from '../store/queries.js';
import type {IngestSource} from '../use-ingest.js';

/**
 * The panes read screenfuls (a drill-down at most 10,000 results), so a
 * small page cache does: SQLite's default is 2 MB, and this keeps it there
 * whatever the store sets elsewhere.
 */
const readerCacheKib = 2000;

export type LazyReader = {get: ReaderHandle; close(): void};

/**
 * The panes' own read-only connection. The worker creates the database, so
 * it is opened only after the worker's first update, and tried again on
 * later calls if that fails.
 */
export function lazyReader(file: string, ingest: IngestSource): LazyReader {
	let db: Database | undefined;
	let queries: Queries | undefined;
	let ready = false;
	const onMessage = () => {
		ready = true;
		ingest.off('message', onMessage);
	};

	ingest.on('message', onMessage);

	const get: ReaderHandle = () => {
		if (queries || !ready) {
			return queries;
		}

		try {
			db = openReader(file);
			db.pragma(`cache_size = -${readerCacheKib}`);
			queries = new Queries(db);
		} catch {
			// Not there yet, or locked for a moment: the next update retries.
			db?.close();
			db = undefined;
		}

		return queries;
	};

	return {
		get,
		close() {
			ingest.off('message', onMessage);
			db?.close();
		},
	};
}
