import {useMemo, useRef} from 'react';
import {oneLine} from '../errors.js';
import type {ReaderHandle, StoreReader} from './store-reader.js';

export type QueryResult<T> = {data?: T; error?: string};

/**
 * Runs one read when the store has changed (`version`) or the window asked
 * for has (`deps`), and only while the pane is on screen; otherwise the last
 * answer stands. A failed read keeps the last data and says why.
 */
export function useStoreQuery<T>(
	reader: ReaderHandle | undefined,
	version: number,
	active: boolean,
	query: (store: StoreReader) => T,
	deps: readonly unknown[],
): QueryResult<T> {
	const last = useRef<QueryResult<T>>({});

	return useMemo(() => {
		const store = active ? reader?.() : undefined;
		if (!store) {
			return last.current;
		}

		try {
			last.current = {data: query(store)};
		} catch (error) {
			last.current = {data: last.current.data, error: oneLine(error)};
		}

		return last.current;
		// The query closes over deps; listing them is the caller's job.
	}, [reader, version, active, ...deps]);
}
