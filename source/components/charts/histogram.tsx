import {Box, Text} from 'ink';
import {useTheme} from '../../theme.js';
import {cell} from '../safe-text.js';

export type HistogramProps = {
	/** Result counts in equal score bands from 0 to 1, lowest band first. */
	bands: readonly number[];
	width: number;
};

const labelWidth = 8;
const countWidth = 6;

/** One bar per score band, the highest band on top, scaled to the widest. */
export function Histogram({bands, width}: HistogramProps) {
	const theme = useTheme();
	const room = Math.max(1, width - labelWidth - countWidth - 2);
	const widest = Math.max(1, ...bands);
	const step = 1 / Math.max(1, bands.length);

	return (
		<Box flexDirection="column" width={width}>
			{bands
				.map((value, index) => (
					<Text key={index} wrap="truncate">
						<Text color={theme.muted}>
							{cell(band(index, step), labelWidth)}
						</Text>{' '}
						<Text color={theme.accent}>
							{cell(
								theme.bar.repeat(Math.round((value / widest) * room)),
								room,
							)}
						</Text>{' '}
						{cell(String(value), countWidth - 1, true)}
					</Text>
				))
				.reverse()}
		</Box>
	);
}

function band(index: number, step: number): string {
	return `${(index * step).toFixed(1)}-${((index + 1) * step).toFixed(1)}`;
}
