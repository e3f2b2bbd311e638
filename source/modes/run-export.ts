import fs from 'node:fs';
import type {Writable} from 'node:stream';
import {RuntimeError} from '../errors.js';
import {openReader, readSource} from '../store/database.js';
import type {FormatName} from '../store/export/format.js';
import type {ViewName} from '../store/export/views.js';
import {writeExport} from '../store/export/write-export.js';
import {Queries} from '../store/queries.js';
import {createProgressBar} from './export-progress.js';
import {tidyAfterReading} from './tidy-wal.js';

export type ExportRunOptions = {
	dbFile: string;
	view: ViewName;
	format: FormatName;
	/** A file to write; stdout when unset. */
	out?: string;
};

type Output = {stream: Writable; close: () => Promise<void>};

/**
 * Writes one view of the database to stdout or a file, with a progress bar
 * on stderr when stderr is a terminal. Never mounts the UI.
 */
export async function runExport(options: ExportRunOptions): Promise<void> {
	const db = openReader(options.dbFile);
	const progress = process.stderr.isTTY
		? createProgressBar(process.stderr, `exporting ${options.view}`)
		: undefined;
	let output: Output | undefined;

	try {
		output = openOutput(options.out);
		await writeExport({
			queries: new Queries(db),
			view: options.view,
			format: options.format,
			output: output.stream,
			onProgress: progress?.update,
		});
		await output.close();
	} catch (error) {
		// A reader that closed the pipe early (`| head`) wanted no more rows.
		if (!isClosedPipe(error, options.out)) {
			throw outputError(error, options.out);
		}
	} finally {
		progress?.done();
		const source = readSource(db);
		db.close();
		tidyAfterReading(options.dbFile, source);
	}
}

function openOutput(file: string | undefined): Output {
	const stream =
		file === undefined
			? process.stdout
			: fs.createWriteStream('', {fd: fs.openSync(file, 'w')});

	// Failures surface through writeExport and close(); without a listener
	// an 'error' would end the process with a stack trace.
	stream.on('error', () => undefined);

	return {
		stream,
		close: async () =>
			new Promise((resolve, reject) => {
				if (file === undefined) {
					resolve();
					return;
				}

				stream.end((error?: Error | null) => {
					if (error) {
						reject(error);
					} else {
						resolve();
					}
				});
			}),
	};
}

function isClosedPipe(error: unknown, file: string | undefined): boolean {
	return file === undefined && (error as {code?: string}).code === 'EPIPE';
}

function outputError(error: unknown, file: string | undefined): Error {
	const code = (error as {code?: string}).code ?? '';
	if (!/^E[A-Z]+$/.test(code)) {
		return error as Error;
	}

	return new RuntimeError(
		`cannot write the export to ${file ?? 'stdout'} (${code}): check the path, its permissions and free space`,
	);
}
