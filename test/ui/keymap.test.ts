import {readFileSync} from 'node:fs';
import type {Key} from 'ink';
import {describe, expect, it} from 'vitest';
import {
	hintText,
	keymap,
	keyTableMarkdown,
	matchBinding,
} from '../../source/keymap.js';

const noKey = Object.fromEntries(
	[
		'upArrow',
		'downArrow',
		'pageUp',
		'pageDown',
		'home',
		'end',
		'return',
		'escape',
		'ctrl',
		'shift',
		'tab',
		'backspace',
		'delete',
		'meta',
	].map((name) => [name, false]),
) as unknown as Key;

/** A Markdown table's cells, whatever the padding a formatter added. */
function tableRows(markdown: string): string[][] {
	return markdown
		.split('\n')
		.filter((line) => line.startsWith('|') && !line.startsWith('| -'))
		.map((line) =>
			line
				.slice(1, -1)
				.split(' | ')
				.map((cell) => cell.trim()),
		);
}

describe('the keymap table', () => {
	it('is the key list in README', () => {
		const readme = readFileSync(
			new URL('../../README.md', import.meta.url),
			'utf8',
		);
		const section = readme.split('\n## Keys\n')[1]?.split('\n## ')[0] ?? '';
		expect(tableRows(section)).toEqual(tableRows(keyTableMarkdown()));
	});

	it('gives every binding its own id and maps keys to one binding', () => {
		const ids = Object.values(keymap).map((binding) => binding.id);
		expect(new Set(ids).size).toBe(ids.length);

		expect(matchBinding('q', noKey)).toBe('quit');
		expect(matchBinding('c', {...noKey, ctrl: true})).toBe('forceQuit');
		expect(matchBinding('', {...noKey, tab: true, shift: true})).toBe(
			'previousPane',
		);
		expect(matchBinding('G', {...noKey, shift: true})).toBe('bottom');
		expect(matchBinding('', {...noKey, delete: true})).toBe('back');
		expect(matchBinding('x', noKey)).toBeUndefined();
	});

	it('cuts the hint line at a whole hint', () => {
		expect(hintText(['pause', 'help', 'quit'], 80)).toBe(
			'p pause  ? help  q quit',
		);
		expect(hintText(['pause', 'help', 'quit'], 16)).toBe('p pause  ? help');
	});
});
