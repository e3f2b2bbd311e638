import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {csvCell, csvLine} from '../../source/store/export/csv.js';

type CsvCase = {studentId: string; csv_cell: string};

function fixtureCells(): CsvCase[] {
	const cases = JSON.parse(
		readFileSync(
			new URL('../fixtures/sse/cases.json', import.meta.url),
			'utf8',
		),
	) as {cases: Array<{file: string; expected: {csv_cells?: CsvCase[]}}>};
	const entry = cases.cases.find(
		(item) => item.file === '24-csv-injection.sse',
	);
	return entry?.expected.csv_cells ?? [];
}

describe('the CSV writer', () => {
	const cells = fixtureCells();

	it('has the fixture cells to check against', () => {
		expect(cells).toHaveLength(12);
	});

	it.each(cells.map((item) => [item.studentId, item.csv_cell]))(
		'writes %j as the cell %j',
		(studentId, expected) => {
			expect(csvCell(studentId)).toBe(expected);
		},
	);

	it('writes numbers as numbers, never prefixed, in shortest round-trip form', () => {
		expect(csvCell(-2)).toBe('-2');
		expect(csvCell(0.1 + 0.2)).toBe('0.30000000000000004');
		expect(csvCell(5e-324)).toBe('5e-324');
		expect(csvCell(1)).toBe('1');
	});

	it('quotes a cell that only needs RFC 4180 quoting, and ends records with CRLF', () => {
		expect(csvLine(['a', 'b,c', 3, ''])).toBe('a,"b,c",3,\r\n');
	});

	it('neutralises text that looks like a negative number, since it is text', () => {
		expect(csvCell('-5')).toBe("'-5");
	});
});
