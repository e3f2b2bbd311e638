import type {Cell, ExportFormat} from './format.js';

// A spreadsheet runs a text cell starting with one of these as a formula
// (OWASP CSV Injection); a leading quote makes it plain text.
const formulaStart = /^[=+\-@\t\r]/;

// RFC 4180: a field holding one of these must be quoted.
const needsQuotes = /[",\r\n]/;

/**
 * One CSV field. Text that a spreadsheet would run is prefixed with a
 * single quote; numbers are written as numbers (shortest round-trip form)
 * and never prefixed.
 */
export function csvCell(value: Cell): string {
	if (typeof value === 'number') {
		return String(value);
	}

	const text = formulaStart.test(value) ? `'${value}` : value;
	if (!needsQuotes.test(text)) {
		return text;
	}

	return `"${text.replaceAll('"', '""')}"`;
}

/** One CSV record with its CRLF line end, as RFC 4180 has it. */
export function csvLine(cells: readonly Cell[]): string {
	return `${cells.map((cell) => csvCell(cell)).join(',')}\r\n`;
}

/** Writes a view as CSV: a header row, then one record per row. */
export const csvFormat: ExportFormat = {
	start: (fields) => csvLine(fields),
	row: (cells) => csvLine(cells),
	end: () => '',
};
