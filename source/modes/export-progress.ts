import type {WriteStream} from 'node:tty';

// Redraws at most this often: a bar is for people, ten frames a second is plenty.
const frameMs = 100;
const barWidth = 30;

/**
 * A one-line progress bar on a terminal, redrawn in place and erased at
 * the end so nothing but messages stays on stderr.
 */
export function createProgressBar(
	terminal: WriteStream,
	label: string,
): {update: (rows: number, total: number) => void; done: () => void} {
	let last = 0;
	let drawn = false;

	const update = (rows: number, total: number) => {
		const now = Date.now();
		if (now - last < frameMs) {
			return;
		}

		last = now;
		drawn = true;
		terminal.write(`\r${progressLine(label, rows, total)}\u001B[K`);
	};

	const done = () => {
		if (drawn) {
			terminal.write('\r\u001B[K');
		}
	};

	return {update, done};
}

export function progressLine(
	label: string,
	rows: number,
	total: number,
): string {
	const fraction = total > 0 ? Math.min(1, rows / total) : 1;
	const filled = Math.round(fraction * barWidth);
	const bar = '#'.repeat(filled) + '-'.repeat(barWidth - filled);
	const percent = Math.floor(fraction * 100);
	return `${label} [${bar}] ${percent}% ${rows.toLocaleString('en')} of ${total.toLocaleString('en')} rows`;
}
