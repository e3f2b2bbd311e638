import {rowObject, type ExportFormat} from './format.js';

/** One JSON object per line and nothing else (no header, no brackets). */
export const ndjsonFormat: ExportFormat = {
	start: () => '',
	row: (cells, fields) => `${JSON.stringify(rowObject(cells, fields))}\n`,
	end: () => '',
};
