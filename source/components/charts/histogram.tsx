import {Box, Text} from 'ink';
import {useTheme, type Theme} from '../../theme.js';
import {cellsWith} from '../safe-text.js';

export type HistogramProps = {
	/** Result counts in equal score bands from 0 to 1, lowest band first. */
	bands: readonly number[];
	width: number;
	/** Lines it may take; past that it draws two bands a line. */
	height: number;
};

const labelWidth = 8;
const countWidth = 6;

/**
 * One bar per score band, the highest band on top, scaled to the widest.
 * Every band is always drawn: a band left out would hide results, so when
 * the lines run short the bands go two a line, labelled by where each
 * starts, under a note giving the band size.
 */
export function Histogram({bands, width, height}: HistogramProps) {
	const theme = useTheme();
	const widest = Math.max(1, ...bands);
	const step = 1 / Math.max(1, bands.length);
	const highFirst = bands.map((value, index) => ({value, index})).reverse();

	if (bands.length <= height) {
		return (
			<Box flexDirection="column" width={width}>
				{highFirst.map(({value, index}) => (
					<Text key={index} wrap="truncate">
						{bandCell(theme, {
							label: `${bound(index, step)}-${bound(index + 1, step)}`,
							labelWidth,
							value,
							widest,
							width,
							countWidth: countWidth - 1,
						})}
					</Text>
				))}
			</Box>
		);
	}

	return (
		<TwoColumns bands={highFirst} widest={widest} step={step} width={width} />
	);
}

/** The short form: the upper half on the left, the lower on the right. */
function TwoColumns(props: {
	bands: Array<{value: number; index: number}>;
	widest: number;
	step: number;
	width: number;
}) {
	const {bands, widest, step, width} = props;
	const theme = useTheme();
	const half = Math.ceil(bands.length / 2);
	const columnWidth = Math.max(1, Math.floor((width - 2) / 2));
	const digits = String(widest).length;
	const draw = (band: {value: number; index: number} | undefined) =>
		band
			? bandCell(theme, {
					label: bound(band.index, step),
					labelWidth: 3,
					value: band.value,
					widest,
					width: columnWidth,
					countWidth: digits,
				})
			: '';

	return (
		<Box flexDirection="column" width={width}>
			<Text color={theme.muted} wrap="truncate">
				score bands of {step.toFixed(1)}, each labelled by its lower bound
			</Text>
			{bands.slice(0, half).map((band, row) => (
				<Text key={band.index} wrap="truncate">
					{draw(band)}
					{'  '}
					{draw(bands[half + row])}
				</Text>
			))}
		</Box>
	);
}

/** "label bar count", exactly `width` columns wide. */
function bandCell(
	theme: Theme,
	options: {
		label: string;
		labelWidth: number;
		value: number;
		widest: number;
		width: number;
		countWidth: number;
	},
) {
	const cell = cellsWith(theme.ellipsis);
	const {label, value, widest, width} = options;
	const room = Math.max(1, width - options.labelWidth - options.countWidth - 2);

	return (
		<>
			<Text color={theme.muted}>{cell(label, options.labelWidth)}</Text>{' '}
			<Text color={theme.accent}>
				{cell(theme.bar.repeat(Math.round((value / widest) * room)), room)}
			</Text>{' '}
			{cell(String(value), options.countWidth, true)}
		</>
	);
}

function bound(index: number, step: number): string {
	return (index * step).toFixed(1);
}
