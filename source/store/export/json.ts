import {rowObject, type ExportFormat} from './format.js';

/** One JSON array of objects, one object a line so diffs stay readable. */
export const jsonFormat: ExportFormat = {
	start: () => '[',
	row: (cells, fields, index) =>
		`${index === 0 ? '\n' : ',\n'}${JSON.stringify(rowObject(cells, fields))}`,
	end: (rowCount) => (rowCount === 0 ? ']\n' : '\n]\n'),
};
