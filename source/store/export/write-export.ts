import {once} from 'node:events';
import type {Writable} from 'node:stream';
import type {Queries} from '../queries.js';
import {csvFormat} from './csv.js';
import type {ExportFormat, FormatName} from './format.js';
import {jsonFormat} from './json.js';
import {ndjsonFormat} from './ndjson.js';
import {views, type ViewName} from './views.js';

export const formats: Record<FormatName, ExportFormat> = {
	csv: csvFormat,
	json: jsonFormat,
	ndjson: ndjsonFormat,
};

export type ExportOptions = {
	queries: Queries;
	view: ViewName;
	format: FormatName;
	output: Writable;
	/** Called after each chunk written, and once at the end. */
	onProgress?: (rows: number, total: number) => void;
};

// Rows are gathered into chunks of about this many characters: one write
// per chunk keeps the syscalls few without holding more than a chunk.
const chunkSize = 64 * 1024;

/**
 * Streams one view to `output` row by row, waiting for the output to drain
 * whenever it asks, so any number of rows takes the same memory. Resolves
 * with the number of rows written.
 */
export async function writeExport(options: ExportOptions): Promise<number> {
	const {queries, output, onProgress} = options;
	const view = views[options.view];
	const format = formats[options.format];
	const total = onProgress ? view.total(queries) : 0;
	let chunk = format.start(view.fields);
	let count = 0;

	for (const cells of view.rows(queries)) {
		chunk += format.row(cells, view.fields, count);
		count += 1;
		if (chunk.length >= chunkSize) {
			await write(output, chunk);
			chunk = '';
			onProgress?.(count, total);
		}
	}

	await write(output, chunk + format.end(count));
	onProgress?.(count, Math.max(total, count));
	return count;
}

/**
 * Writes, then waits for 'drain' when the output's buffer is full. An
 * output that failed (a full disk, a closed pipe) stops the export.
 */
async function write(output: Writable, text: string): Promise<void> {
	if (output.errored) {
		throw output.errored;
	}

	if (text === '' || output.write(text)) {
		return;
	}

	await once(output, 'drain');
}
