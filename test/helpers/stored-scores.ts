import {openReader} from '../../source/store/database.js';
import {Queries} from '../../source/store/queries.js';

/**
 * How many scores a live writer has committed, read beside it; 0 while the
 * file does not exist or is still being made.
 */
export function storedScores(file: string): number {
	try {
		const db = openReader(file);
		try {
			return new Queries(db).totals().scores;
		} finally {
			db.close();
		}
	} catch {
		return 0;
	}
}
