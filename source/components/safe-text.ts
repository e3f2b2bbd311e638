import stringWidth from 'string-width';

/**
 * Student ids come from the network. Control characters (C0, DEL, C1) and
 * the invisible direction overrides are shown as visible escapes, so no byte
 * sequence from the stream can move the cursor or recolour the terminal.
 */
// eslint-disable-next-line no-control-regex
const unsafe =
	/[\u0000-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/g;

export function escapeControl(text: string): string {
	return text.replace(unsafe, (character) => {
		const code = character.codePointAt(0) ?? 0;
		if (code < 0x1_00) {
			return `\\x${code.toString(16).padStart(2, '0')}`;
		}

		return `\\u${code.toString(16).padStart(4, '0')}`;
	});
}

/** Cuts to a display width (CJK and emoji take two columns), marking the cut. */
export function fitWidth(text: string, width: number, ellipsis = '…'): string {
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
): string {
	const fitted = fitWidth(text, width);
	const padding = ' '.repeat(Math.max(0, width - stringWidth(fitted)));
	return alignRight ? padding + fitted : fitted + padding;
}

/** Escapes, then fits: the one way untrusted text reaches a cell. */
export function cell(text: string, width: number, alignRight = false): string {
	return padWidth(escapeControl(text), width, alignRight);
}
