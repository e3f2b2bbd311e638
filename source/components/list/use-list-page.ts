import type {Dispatch} from 'react';
import type {Page} from '../../store/query-types.js';
import type {ReaderHandle, StoreReader} from '../store-reader.js';
import {useStoreQuery} from '../use-store-query.js';
import type {ListAction, ListState} from './list-state.js';
import {useListSync} from './use-list-sync.js';

/** The rows a list pane asks the store for. */
export type ListWindow = {offset: number; limit: number};

export type ListPageOptions<Row> = {
	reader?: ReaderHandle;
	version: number;
	/** Whether the list is on screen and focused, not under a drill-down. */
	isActive: boolean;
	list: ListState;
	dispatch: Dispatch<ListAction>;
	height: number;
	/** Rows the pane draws above its list. */
	chrome: number;
	read: (store: StoreReader, window: ListWindow) => Page<Row>;
	/** What the read depends on besides the store's version and the window. */
	key: readonly unknown[];
};

/**
 * What the exams and students lists share: one read of the window on
 * screen per change, the list told its total and height, and the row under
 * the cursor.
 */
export function useListPage<Row>(options: ListPageOptions<Row>) {
	const {list, dispatch} = options;
	const limit = Math.max(1, options.height - options.chrome);
	const page = useStoreQuery(
		options.reader,
		options.version,
		options.isActive,
		(store) => options.read(store, {offset: list.offset, limit}),
		[...options.key, list.offset, limit],
	);
	useListSync(dispatch, page.data?.total, limit);

	return {
		rows: page.data?.rows ?? [],
		total: page.data?.total ?? 0,
		selected: () => page.data?.rows[list.cursor - page.data.offset],
	};
}
