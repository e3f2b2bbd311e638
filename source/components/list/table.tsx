import {Text} from 'ink';
import {useTheme} from '../../theme.js';
import {cellsWith} from '../safe-text.js';
import {HeaderRow, Row} from './row.js';

/** One column: its header, its width in cells, and what a row shows in it. */
export type Column<Item> = {
	label: string;
	width: number;
	/** Numbers line up on the right. */
	alignRight?: boolean;
	value: (item: Item, index: number) => string;
};

/** A column read from the left: ids and other text. */
export function leftColumn<Item>(
	label: string,
	width: number,
	value: Column<Item>['value'],
): Column<Item> {
	return {label, width, value};
}

/** A column lined up on the right: numbers, ranks and times. */
export function rightColumn<Item>(
	label: string,
	width: number,
	value: Column<Item>['value'],
): Column<Item> {
	return {label, width, alignRight: true, value};
}

export type TableProps<Item> = {
	columns: ReadonlyArray<Column<Item>>;
	/** The rows on screen. */
	rows: readonly Item[];
	/** Which of them is selected, counted from the first on screen. */
	selected: number;
	rowKey: (item: Item, index: number) => string | number;
	/** Said under the header while there are no rows. */
	empty?: string;
};

/** A column header, then one marked, single-line row per item. */
export function Table<Item>(props: TableProps<Item>) {
	const {columns, rows, selected, rowKey, empty} = props;
	const theme = useTheme();
	const cell = cellsWith(theme.ellipsis);
	const line = (text: (column: Column<Item>) => string) =>
		columns
			.map((column) => cell(text(column), column.width, column.alignRight))
			.join(' ');

	return (
		<>
			<HeaderRow>{line((column) => column.label)}</HeaderRow>
			{rows.length === 0 && empty !== undefined && (
				<Text color={theme.muted}> {empty}</Text>
			)}
			{rows.map((item, index) => (
				<Row key={rowKey(item, index)} selected={index === selected}>
					{line((column) => column.value(item, index))}
				</Row>
			))}
		</>
	);
}
