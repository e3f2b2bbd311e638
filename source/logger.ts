import fs from 'node:fs';
import {RuntimeError} from './errors.js';

export type Logger = {write: (line: string) => void};

/**
 * A debug log in a file, only when asked for: the UI owns the terminal, so
 * nothing else may print there.
 */
export function createLogger(file: string | undefined): Logger {
	if (file === undefined) {
		return {write() {}};
	}

	const descriptor = openLog(file);
	return {
		write(line) {
			fs.writeSync(descriptor, `${new Date().toISOString()} ${line}\n`);
		},
	};
}

function openLog(file: string): number {
	try {
		return fs.openSync(file, 'a');
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code ?? 'error';
		throw new RuntimeError(
			`cannot open the log file ${file} (${code}): check the path and its permissions`,
		);
	}
}
