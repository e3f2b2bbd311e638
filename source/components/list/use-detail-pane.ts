import type {ReaderHandle, StoreReader} from '../store-reader.js';
import {useStoreQuery} from '../use-store-query.js';
import {useDetailInput} from './use-detail-input.js';
import {useList} from './list-state.js';
import {useListSync} from './use-list-sync.js';

export type DetailPaneOptions<T> = {
	reader?: ReaderHandle;
	version: number;
	isActive: boolean;
	onBack: () => void;
	height: number;
	/** Rows the drill-down draws above and below its list of results. */
	chrome: number;
	read: (store: StoreReader) => T | undefined;
	/** What the read depends on besides the store's version. */
	key: readonly unknown[];
};

/**
 * What a student's and an exam's drill-down share: one read per store
 * change, a window over its results, and the keys that move in it or go
 * back.
 */
export function useDetailPane<T extends {results: readonly unknown[]}>(
	options: DetailPaneOptions<T>,
) {
	const [list, dispatch] = useList();
	const detail = useStoreQuery(
		options.reader,
		options.version,
		options.isActive,
		options.read,
		options.key,
	);
	useListSync(
		dispatch,
		detail.data?.results.length,
		Math.max(1, options.height - options.chrome),
	);
	useDetailInput({
		isActive: options.isActive,
		dispatch,
		onBack: options.onBack,
	});

	return {list, detail: detail.data};
}
