import stringWidth from 'string-width';

/**
 * Characters a terminal cannot be trusted to draw at a known width, or
 * that act instead of drawing: controls (Cc), format characters such as the
 * soft hyphen, bidi marks and overrides and zero-width joiners (Cf), line
 * and paragraph separators (Zl, Zp), private-use characters, whose width
 * depends on the font (Co), unassigned code points, which a newer terminal
 * may draw at any width (Cn), and lone surrogates, which are not text at
 * all and come out as one or more replacement glyphs. The `u` flag walks
 * code points, so a lone surrogate is matched on its own while a valid pair
 * is left alone. The replacement character itself is escaped too: the store
 * keeps text as UTF-8, so a lone surrogate comes back from it as U+FFFD, and
 * `\ufffd` says plainly that the id held something that was not text.
 */
const unsafe = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Co}\p{Cn}\uFFFD]|[\uD800-\uDFFF]/gu;

/** The glyph ids are cut with unless the theme gives another. */
const defaultEllipsis = '…';

/**
 * Student ids come from the network: every character in `unsafe` is shown
 * as a visible escape (`\x1b`, `\u00ad`, `\ud800`, `\u{e0001}`), so no id
 * can move the cursor, recolour the terminal, reorder a row or change its
 * width. Emoji joined with U+200D show as their parts with the joiner
 * escaped, since terminals disagree on how wide the joined form is.
 */
export function escapeControl(text: string): string {
	return text.replace(unsafe, (character) => {
		const code = character.codePointAt(0) ?? 0;
		if (code < 0x1_00) {
			return `\\x${code.toString(16).padStart(2, '0')}`;
		}

		if (code > 0xff_ff) {
			return `\\u{${code.toString(16)}}`;
		}

		return `\\u${code.toString(16).padStart(4, '0')}`;
	});
}

/** Cuts to a display width (CJK and emoji take two columns), marking the cut. */
export function fitWidth(
	text: string,
	width: number,
	ellipsis = defaultEllipsis,
): string {
	if (width <= 0) {
		return '';
	}

	if (stringWidth(text) <= width) {
		return text;
	}

	const room = width - stringWidth(ellipsis);
	let result = '';
	let used = 0;
	for (const character of text) {
		const characterWidth = stringWidth(character);
		if (used + characterWidth > room) {
			break;
		}

		result += character;
		used += characterWidth;
	}

	return result + ellipsis;
}

/** Pads to a display width, on the right or (for numbers) on the left. */
export function padWidth(
	text: string,
	width: number,
	alignRight = false,
	ellipsis = defaultEllipsis,
): string {
	const fitted = fitWidth(text, width, ellipsis);
	const padding = ' '.repeat(Math.max(0, width - stringWidth(fitted)));
	return alignRight ? padding + fitted : fitted + padding;
}

/** Escapes, then fits: the one way untrusted text reaches a cell. */
export function cell(
	text: string,
	width: number,
	alignRight = false,
	ellipsis = defaultEllipsis,
): string {
	return padWidth(escapeControl(text), width, alignRight, ellipsis);
}

/** `cell` with the theme's ellipsis bound, for a component's cells. */
export function cellsWith(ellipsis: string) {
	return (text: string, width: number, alignRight = false) =>
		cell(text, width, alignRight, ellipsis);
}
