import fs from 'node:fs';

export type Logger = {write: (line: string) => void};

/**
 * A debug log in a file, only when asked for: the UI owns the terminal, so
 * nothing else may print there.
 */
export function createLogger(file: string | undefined): Logger {
	if (file === undefined) {
		return {write() {}};
	}

	const descriptor = fs.openSync(file, 'a');
	return {
		write(line) {
			fs.writeSync(descriptor, `${new Date().toISOString()} ${line}\n`);
		},
	};
}
