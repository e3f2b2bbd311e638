import type {Queries} from '../store/queries.js';

/** The reads the panes make; the store's queries module provides them. */
export type StoreReader = Pick<
	Queries,
	'students' | 'student' | 'exams' | 'exam' | 'recent'
>;

/**
 * Hands out the reader once the database exists. The worker creates the
 * file, so until its first update there may be nothing to open.
 */
export type ReaderHandle = () => StoreReader | undefined;
