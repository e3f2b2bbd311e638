import {describe, expect, it} from 'vitest';
import {
	createProgressBar,
	progressLine,
} from '../../source/modes/export-progress.js';

/** A terminal that keeps what was written to it. */
function terminal(columns: number) {
	const writes: string[] = [];
	return {
		writes,
		columns,
		write(text: string) {
			writes.push(text);
			return true;
		},
	};
}

describe('the export progress line', () => {
	it('shows the share done as a bar, a percentage and row counts', () => {
		expect(progressLine('exporting scores', 2_500_000, 5_000_000, 120)).toBe(
			`exporting scores [${'#'.repeat(15)}${'-'.repeat(15)}] 50% 2,500,000 of 5,000,000 rows`,
		);
	});

	it('never passes 100%, even when rows arrive after the count was taken', () => {
		expect(progressLine('x', 12, 10)).toContain('100% 12 of 10 rows');
		expect(progressLine('x', 0, 0)).toContain('100%');
	});

	it('stays narrower than an 80-column terminal with millions of rows', () => {
		const line = progressLine('exporting scores', 1_335_226, 1_351_660);
		expect(line.length).toBeLessThan(80);
		expect(line).toMatch(
			/^exporting scores \[#+-*\] 98% 1,335,226 of 1,351,660 rows$/,
		);
	});

	it.each([
		[60, 'exporting students [#####] 99% 9,999,999 of 10,000,000 rows'],
		[40, '99% 9,999,999 of 10,000,000 rows'],
		[20, '99%'],
		[1, ''],
	])(
		'shrinks the bar, then drops parts, to fit %i columns',
		(columns, want) => {
			expect(
				progressLine('exporting students', 9_999_999, 10_000_000, columns),
			).toBe(want);
		},
	);
});

describe('the export progress bar', () => {
	it('draws the last update at 100% however soon it comes, then clears the line', () => {
		const stderr = terminal(80);
		const bar = createProgressBar(stderr, 'exporting scores');
		bar.update(1_335_226, 1_351_660);
		bar.update(1_340_000, 1_351_660);
		bar.update(1_351_660, 1_351_660);
		bar.done();

		expect(stderr.writes).toHaveLength(3);
		expect(stderr.writes[0]).toContain('98% 1,335,226 of 1,351,660 rows');
		expect(stderr.writes[1]).toContain('100% 1,351,660 of 1,351,660 rows');
		expect(stderr.writes[2]).toBe('\r\u001B[K');
	});

	it('fits each line to the terminal, 80 columns when it does not say', () => {
		for (const [columns, width] of [
			[50, 50],
			[0, 80],
		] as const) {
			const stderr = terminal(columns);
			createProgressBar(stderr, 'exporting scores').update(5, 5);
			const drawn = (stderr.writes[0] ?? '')
				.replace('\r', '')
				.replace('\u001B[K', '');
			expect(drawn).toContain('100% 5 of 5 rows');
			expect(drawn.length).toBeLessThan(width);
		}
	});
});
