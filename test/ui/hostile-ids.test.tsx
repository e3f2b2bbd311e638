import stringWidth from 'string-width';
import {afterEach, describe, expect, it} from 'vitest';
import {App} from '../../source/app.js';
import {escapeControl} from '../../source/components/safe-text.js';
import {createTheme, ThemeContext} from '../../source/theme.js';
import {
	FakeIngest,
	keys,
	renderSized,
	storeFixture,
} from '../helpers/render-app.js';

/** Ids a hostile or broken stream sent, each once seen to break a row. */
const hostile = [
	'\uD800'.repeat(120) + 'end',
	'\u00AD'.repeat(50) + 'shy',
	'line\u2028sep',
	'para\u2029sep',
	'arabic\u061Cmark',
	'zero\u200Bwidth',
	'private\uE000use',
	'tag\u{E0001}char',
	'bidi\u202Eoverride',
];

const open: Array<{close(): void}> = [];

afterEach(() => {
	for (const store of open.splice(0)) {
		store.close();
	}
});

function setup() {
	const store = storeFixture();
	open.push(store);
	const ingest = new FakeIngest();
	const theme = createTheme({color: false, ascii: false});
	const app = renderSized(
		<ThemeContext.Provider value={theme}>
			<App
				ingest={ingest}
				source="test"
				reader={store.reader}
				onExit={() => undefined}
			/>
		</ThemeContext.Provider>,
		{columns: 80, rows: 24},
	);
	const feed = store.write(
		hostile.map((studentId, index) => ({
			studentId,
			exam: 1,
			score: 0.1 + index / 20,
		})),
	);
	ingest.update(store.stored, feed);
	return app;
}

/** Every row on one line: the frame is as tall as the terminal, no wider. */
function expectOneLinePerRow(frame: string) {
	const lines = frame.split('\n');
	expect(lines).toHaveLength(24);
	expect(lines[0]).toMatch(/^test · /);
	expect(lines[2]).toContain('[');
	for (const line of lines) {
		expect(stringWidth(line)).toBeLessThanOrEqual(80);
	}

	expect(frame).not.toMatch(/[\u00AD\u2028\u2029\u061C\u200B\u202E\uE000]/u);
	expect(frame).not.toMatch(/[\uD800-\uDFFF]|\uFFFD|\u{E0001}/u);
}

describe('hostile student ids', () => {
	it('escapes every character without a known width', () => {
		expect(escapeControl('\uD800end')).toBe('\\ud800end');
		expect(escapeControl('\u00ADshy')).toBe('\\xadshy');
		expect(escapeControl('a\u2028b\u061Cc')).toBe('a\\u2028b\\u061cc');
		expect(escapeControl('x\u{E0001}\u{10FFFF}')).toBe(
			'x\\u{e0001}\\u{10ffff}',
		);
		expect(escapeControl('\u001B[2J\u009B')).toBe('\\x1b[2J\\x9b');
		// Paired surrogates, CJK and combining marks are text: kept.
		expect(escapeControl('学😀e\u0301')).toBe('学😀e\u0301');
	});

	it('keeps each row on one line in the feed', async () => {
		const app = setup();
		const frame = await app.waitForFrame('arabic\\u061cmark');
		expect(frame).toContain('line\\u2028sep');
		expect(frame).toContain('\\ud800\\ud800');
		expectOneLinePerRow(frame);
	});

	it('keeps each row on one line in the leaderboard and students', async () => {
		const app = setup();
		app.press('2');
		expectOneLinePerRow(await app.waitForFrame('#9 '));
		app.press('3');
		expectOneLinePerRow(await app.waitForFrame('1-9 of 9'));
	});

	it('keeps the drill-downs to one line a row, titles included', async () => {
		const app = setup();
		app.press('4');
		await app.waitForFrame(/> +1 +9/);
		app.press(keys.enter);
		expectOneLinePerRow(await app.waitForFrame('exam 1'));

		app.press('3');
		await app.waitForFrame('1-9 of 9');
		app.press('G');
		await app.waitForFrame(/> \\ufffd/);
		app.press(keys.enter);
		// The store keeps UTF-8, so the lone surrogates come back as U+FFFD.
		const frame = await app.waitForFrame(/student \\ufffd/);
		expectOneLinePerRow(frame);
	});
});
