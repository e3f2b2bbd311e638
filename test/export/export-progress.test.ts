import {describe, expect, it} from 'vitest';
import {progressLine} from '../../source/modes/export-progress.js';

describe('the export progress line', () => {
	it('shows the share done as a bar, a percentage and row counts', () => {
		expect(progressLine('exporting scores', 2_500_000, 5_000_000)).toBe(
			`exporting scores [${'#'.repeat(15)}${'-'.repeat(15)}] 50% 2,500,000 of 5,000,000 rows`,
		);
	});

	it('never passes 100%, even when rows arrive after the count was taken', () => {
		expect(progressLine('x', 12, 10)).toContain('100% 12 of 10 rows');
		expect(progressLine('x', 0, 0)).toContain('100%');
	});
});
