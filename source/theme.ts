import {createContext, useContext} from 'react';

/** Colours and glyphs; plain when colour or Unicode is unavailable. */
export type Theme = {
	color: boolean;
	ascii: boolean;
	accent: string | undefined;
	muted: string | undefined;
	good: string | undefined;
	bad: string | undefined;
	selectedMarker: string;
	up: string;
	down: string;
	same: string;
	ellipsis: string;
	/** Between the parts of a line of figures. */
	separator: string;
	/** Eight glyphs from lowest to highest, for sparklines. */
	levels: string;
	/** The glyph a histogram bar is drawn with. */
	bar: string;
};

export function createTheme(options: {color: boolean; ascii: boolean}): Theme {
	const {color, ascii} = options;
	return {
		color,
		ascii,
		accent: color ? 'cyan' : undefined,
		muted: color ? 'gray' : undefined,
		good: color ? 'green' : undefined,
		bad: color ? 'red' : undefined,
		selectedMarker: '>',
		up: ascii ? '^' : '▲',
		down: ascii ? 'v' : '▼',
		same: ascii ? '=' : '•',
		ellipsis: ascii ? '~' : '…',
		separator: ascii ? ' | ' : ' · ',
		levels: ascii ? '_.-:=+*#' : '▁▂▃▄▅▆▇█',
		bar: ascii ? '#' : '█',
	};
}

/** NO_COLOR (any non-empty value) and --no-color both turn colour off. */
export function wantsColor(flag: boolean, env = process.env): boolean {
	return flag && !(env.NO_COLOR ?? '').length;
}

export const ThemeContext = createContext<Theme>(
	createTheme({color: true, ascii: false}),
);

export function useTheme(): Theme {
	return useContext(ThemeContext);
}
