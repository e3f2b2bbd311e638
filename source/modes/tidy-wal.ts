import fs from 'node:fs';
import {openWriter} from '../store/database.js';

/**
 * SQLite removes the -wal and -shm files when the last connection closes,
 * but only if that connection may write: after an export (whose reader is
 * read-only) they stay behind, empty. Opening the writer for a moment and
 * closing it removes them. A file that another scoretop records into is
 * left to that one, and a file scoretop cannot write is left as it is.
 */
export function tidyAfterReading(file: string, source: string | undefined) {
	const recordedHere = fs.existsSync(`${file}.lock`);
	if (source === undefined || !recordedHere || !fs.existsSync(`${file}-wal`)) {
		return;
	}

	try {
		openWriter(file, source).close();
	} catch {
		// Busy or read-only: nothing of ours to remove.
	}
}
