import {useInput, type Key} from 'ink';

type KeyHandler = (input: string, key: Key) => void;

/**
 * useInput, one key at a time. Ink hands over a run of plain characters as
 * one string, so keys typed faster than a busy event loop reads them
 * ("jjj", "3j\r") would otherwise be lost; here each is handled in turn.
 */
export function useKeys(
	handler: KeyHandler,
	options: {isActive?: boolean} = {},
) {
	useInput((input, key) => {
		for (const [text, parsed] of splitKeys(input, key)) {
			handler(text, parsed);
		}
	}, options);
}

export function splitKeys(input: string, key: Key): Array<[string, Key]> {
	const characters = [...input];
	if (characters.length <= 1 || key.ctrl || key.meta) {
		return [[input, key]];
	}

	return characters.map((character) => [character, plainKey(key, character)]);
}

/** The Key Ink would have reported for this character alone. */
function plainKey(template: Key, character: string): Key {
	const blank = Object.fromEntries(
		Object.entries(template).map(([name, value]) => [
			name,
			typeof value === 'boolean' ? false : value,
		]),
	) as Key;

	return {
		...blank,
		return: character === '\r' || character === '\n',
		tab: character === '\t',
		backspace: character === '\b',
		delete: character === '\u007F',
		shift: /[A-Z]/.test(character),
	};
}
