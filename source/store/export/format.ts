/** One exported value: numbers stay numbers in every format. */
export type Cell = string | number;

/**
 * How one export format turns a view into text, piece by piece, so a
 * writer can stream any number of rows without holding them.
 */
export type ExportFormat = {
	start(fields: readonly string[]): string;
	/** `index` counts rows from 0, for formats that separate them. */
	row(cells: readonly Cell[], fields: readonly string[], index: number): string;
	end(rowCount: number): string;
};

export type FormatName = 'csv' | 'json' | 'ndjson';

/** A row as an object keyed by field, in field order. */
export function rowObject(
	cells: readonly Cell[],
	fields: readonly string[],
): Record<string, Cell> {
	const object: Record<string, Cell> = {};
	for (const [index, field] of fields.entries()) {
		object[field] = cells[index] ?? '';
	}

	return object;
}
