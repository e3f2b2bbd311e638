/** One measured figure of `npm run bench`. */
export type BenchRow = {
	group: string;
	metric: string;
	value: number;
	unit: string;
	/** The goal in words, such as ">= 150000" or "< 5". */
	target?: string;
	pass?: boolean;
};

/** Rows as an aligned table for people. */
export function formatTable(rows: readonly BenchRow[]): string {
	return rows
		.map((row) => {
			const value = row.value.toLocaleString('en-US', {
				maximumFractionDigits: row.value < 10 ? 3 : 0,
			});
			const verdict = row.pass === undefined ? '' : row.pass ? 'met' : 'MISSED';
			return [
				row.group.padEnd(8),
				row.metric.padEnd(44),
				value.padStart(12),
				row.unit.padEnd(10),
				`${row.target ?? ''} ${verdict}`.trim(),
			].join(' ');
		})
		.join('\n');
}

/** Rows as JSON for machines. */
export function formatJson(rows: readonly BenchRow[]): string {
	return JSON.stringify(rows, null, 2);
}
