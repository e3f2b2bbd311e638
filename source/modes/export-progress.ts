import type {WriteStream} from 'node:tty';

// Redraws at most this often: a bar is for people, ten frames a second is plenty.
const frameMs = 100;
const barWidth = 30;
const narrowestBar = 5;

/** The terminal's width when it does not say. */
export const defaultColumns = 80;

/**
 * A one-line progress bar on a terminal, redrawn in place and erased at
 * the end so nothing but messages stays on stderr.
 */
export function createProgressBar(
	terminal: Pick<WriteStream, 'write' | 'columns'>,
	label: string,
): {update: (rows: number, total: number) => void; done: () => void} {
	let last = 0;
	let drawn = false;

	const update = (rows: number, total: number) => {
		const now = Date.now();
		// The export's last update (rows equal to the total) is always drawn,
		// so the bar ends at 100%.
		if (now - last < frameMs && rows !== total) {
			return;
		}

		last = now;
		drawn = true;
		const columns = terminal.columns || defaultColumns;
		terminal.write(`\r${progressLine(label, rows, total, columns)}\u001B[K`);
	};

	const done = () => {
		if (drawn) {
			terminal.write('\r\u001B[K');
		}
	};

	return {update, done};
}

/**
 * The bar's line, kept narrower than the terminal: a line that fills the
 * last column wraps on some terminals, and `\r` then erases only the
 * wrapped part, leaving a stale line behind. Everything in it is ASCII, so
 * its length is its width.
 */
export function progressLine(
	label: string,
	rows: number,
	total: number,
	columns = defaultColumns,
): string {
	const fraction = total > 0 ? Math.min(1, rows / total) : 1;
	const percent = Math.floor(fraction * 100);
	const counts = `${percent}% ${rows.toLocaleString('en')} of ${total.toLocaleString('en')} rows`;
	const room = columns - 1;
	const width = Math.min(barWidth, room - label.length - counts.length - 4);
	if (width < narrowestBar) {
		const shorter = [`${label} ${counts}`, counts, `${percent}%`];
		return shorter.find((line) => line.length <= room) ?? '';
	}

	const filled = Math.round(fraction * width);
	const bar = '#'.repeat(filled) + '-'.repeat(width - filled);
	return `${label} [${bar}] ${counts}`;
}
