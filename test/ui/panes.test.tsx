import stringWidth from 'string-width';
import {afterEach, describe, expect, it} from 'vitest';
import {App} from '../../source/app.js';
import {keymap} from '../../source/keymap.js';
import {createTheme, ThemeContext} from '../../source/theme.js';
import {
	FakeIngest,
	keys,
	renderSized,
	storeFixture,
} from '../helpers/render-app.js';

type Store = ReturnType<typeof storeFixture>;
const open: Store[] = [];

afterEach(() => {
	for (const store of open.splice(0)) {
		store.close();
	}
});

/** A store with a few students over three exams, and the app reading it. */
function setup(
	options: {columns?: number; rows?: number; ascii?: boolean} = {},
) {
	const store = storeFixture();
	open.push(store);
	const ingest = new FakeIngest();
	const exits: Array<string | undefined> = [];
	const theme = createTheme({color: false, ascii: options.ascii ?? false});
	const app = renderSized(
		<ThemeContext.Provider value={theme}>
			<App
				ingest={ingest}
				source="test"
				reader={store.reader}
				onExit={(reason) => exits.push(reason)}
			/>
		</ThemeContext.Provider>,
		options,
	);

	const write = (
		scores: Array<{studentId: string; exam: number; score: number}>,
	) => {
		const feed = store.write(scores);
		ingest.update(store.stored, feed);
	};

	return {store, ingest, app, exits, write};
}

const roster = ['ann', 'bob', 'cid', 'dee'];

function exam(number: number, scores: number[]) {
	return roster.map((studentId, index) => ({
		studentId,
		exam: number,
		score: scores[index] ?? 0,
	}));
}

describe('result counts of a million and more', () => {
	it('show whole in the students and leaderboard panes', async () => {
		const {app, write} = setup();
		for (let batch = 0; batch < 10; batch++) {
			write(
				Array.from({length: 100_000}, (_, index) => ({
					studentId: 'ann',
					exam: batch * 100_000 + index,
					score: 0.5,
				})),
			);
		}

		app.press('3');
		await app.waitForFrame(/ann\s.*1,000,000/);
		app.press('2');
		await app.waitForFrame(/ann\s.*1,000,000/);
	});
});

describe('leaderboard pane', () => {
	it('ranks by average and keeps the selection on the same student', async () => {
		const {app, write} = setup();
		write(exam(1, [0.9, 0.8, 0.7, 0.6]));
		app.press('2');
		await app.waitForFrame(/> +#1 ann/);

		app.press('j');
		await app.waitForFrame(/> +#2 bob/);

		// bob rises to the top; the selection goes with him.
		write(exam(2, [0.1, 1, 0.7, 0.6]));
		const frame = await app.waitForFrame(/> +#1 bob/);
		expect(frame).toMatch(/#2 cid/);
		expect(frame).toMatch(/#4 ann +0\.5000 +2/);
	});

	it('opens the selected student and goes back on Esc', async () => {
		const {app, write, exits} = setup();
		write(exam(1, [0.9, 0.8, 0.7, 0.6]));
		app.press('2');
		await app.waitForFrame('#1 ann');

		app.press(keys.enter);
		await app.waitForFrame('student ann');
		app.press(keys.escape);
		await app.waitForFrame('#1 ann');
		app.press(keys.escape);
		app.press(keys.backspace);
		await app.waitForFrame('#1 ann');

		expect(exits).toEqual([]);
	});
});

describe('students pane', () => {
	it('opens a student: results by exam, figures and a sparkline', async () => {
		const {app, write} = setup({ascii: true});
		write(exam(1, [0, 0.8, 0.7, 0.6]));
		write(exam(2, [1, 0.8, 0.7, 0.6]));
		write(exam(3, [0.5, 0.8, 0.7, 0.6]));
		app.press('3');
		await app.waitForFrame(/> ann +3 +0\.5000/);

		app.press(keys.enter);
		const frame = await app.waitForFrame('student ann');
		expect(frame).toContain(
			'results 3 | average 0.5000 | min 0.0000 | max 1.0000',
		);
		expect(frame).toContain('scores by exam _#=');
		expect(frame).toMatch(/> +1 +0\.0000/);
		expect(frame).toMatch(/ +3 +0\.5000/);
	});

	it('sorts by each column in turn and reverses', async () => {
		const {app, write} = setup();
		write(exam(1, [0.6, 0.9, 0.7, 0.8]));
		write([{studentId: 'dee', exam: 2, score: 0.8}]);
		app.press('3');
		await app.waitForFrame(/sort id, ascending[\s\S]*> ann/);

		app.press('s');
		await app.waitForFrame(/sort average, descending[\s\S]*> bob/);
		app.press('r');
		await app.waitForFrame(/sort average, ascending[\s\S]*> ann/);
		app.press('s');
		await app.waitForFrame(/sort results, descending[\s\S]*> dee/);
	});

	it('filters by substring; q is text while typing; Esc clears', async () => {
		const {app, write, exits} = setup();
		write([
			...exam(1, [0.6, 0.9, 0.7, 0.8]),
			{studentId: 'quinn', exam: 1, score: 0.5},
		]);
		app.press('3');
		await app.waitForFrame('1-5 of 5');

		app.press('/');
		await app.waitForFrame('filter /_');
		app.press('q');
		app.press('u');
		const frame = await app.waitForFrame('1-1 of 1');
		expect(frame).toContain('> quinn');
		expect(frame).not.toContain('ann');
		expect(exits).toEqual([]);

		app.press(keys.enter);
		await app.waitForFrame(/filter \/qu(?!_)/);
		app.press(keys.escape);
		await app.waitForFrame('1-5 of 5');

		// Keys that arrive in one read are still taken one by one.
		app.press('/nn');
		await app.waitForFrame('1-2 of 2');
		app.press(keys.escape);
		await app.waitForFrame('1-5 of 5');
		expect(exits).toEqual([]);
	});

	it('keeps columns aligned with wide and hostile ids', async () => {
		const {app, write} = setup();
		const ids = [
			'ascii',
			'学生一号',
			'emoji😀x',
			'evil\u001B[2Jid',
			'rtl\u202Eid',
		];
		write(ids.map((studentId) => ({studentId, exam: 1, score: 0.25})));
		app.press('3');
		const frame = await app.waitForFrame('1-5 of 5');

		expect(frame).not.toContain('\u001B[2J');
		expect(frame).toContain('evil\\x1b[2Jid');
		expect(frame).toContain('rtl\\u202eid');
		const columns = frame
			.split('\n')
			.filter((line) => line.includes('0.2500'))
			.map((line) => stringWidth(line.slice(0, line.indexOf('0.2500'))));
		expect(columns).toHaveLength(5);
		expect(new Set(columns).size).toBe(1);
	});
});

describe('exams pane', () => {
	it('opens an exam: results by score, average and histogram', async () => {
		const {app, write} = setup({ascii: true});
		write(exam(7, [0.15, 0.95, 0.55, 0.51]));
		write(exam(8, [0.5, 0.5, 0.5, 0.5]));
		app.press('4');
		await app.waitForFrame(/> +7 +4 +0\.5400/);

		app.press('j');
		app.press('k');
		app.press(keys.enter);
		const frame = await app.waitForFrame('exam 7');
		expect(frame).toContain('results 4 | average 0.5400');
		expect(frame).toMatch(/#1 bob +0\.9500/);
		expect(frame).toMatch(/#4 ann +0\.1500/);
		expect(frame.indexOf('bob')).toBeLessThan(frame.indexOf('cid'));
		expect(frame).toMatch(/0\.5-0\.6 +#+ +2/);
		expect(frame).toMatch(/0\.1-0\.2 +#+ +1/);

		app.press(keys.backspace);
		await app.waitForFrame('oldest first');
		app.press('r');
		await app.waitForFrame(/newest first[\s\S]*> +8/);
	});
});

describe('feed pane', () => {
	it('marks each score against the average and pauses the view', async () => {
		const {app, write} = setup({ascii: true});
		write(exam(1, [0.2, 0.8, 0.5, 0.5]));
		write([{studentId: 'ann', exam: 2, score: 0.6}]);
		// ann's average is now 0.4: the 0.6 is above it, the 0.2 below.
		let frame = await app.waitForFrame(/ann +2 +0\.6000 \^/);
		expect(frame).toMatch(/ann +1 +0\.2000 v/);
		expect(frame).toMatch(/cid +1 +0\.5000 =/);

		app.press('p');
		await app.waitForFrame('paused, 0 new');
		write([{studentId: 'eve', exam: 2, score: 0.6}]);
		frame = await app.waitForFrame('paused, 1 new');
		expect(frame).not.toContain('eve');

		app.press('p');
		await app.waitForFrame('eve');
	});
});

describe('keys, help and layout', () => {
	it('moves between panes by number, Tab and Shift-Tab', async () => {
		const {app} = setup();
		await app.waitForFrame('[1 feed]');
		app.press(keys.tab);
		await app.waitForFrame('[2 leaderboard]');
		app.press(keys.shiftTab);
		await app.waitForFrame('[1 feed]');
		app.press(keys.shiftTab);
		await app.waitForFrame('[4 exams]');
		app.press('3');
		await app.waitForFrame('[3 students]');
	});

	it('shows every key from the table on ?, and Esc closes it', async () => {
		const {app, exits} = setup();
		app.press('?');
		const frame = await app.waitForFrame('Keys (');
		for (const binding of Object.values(keymap)) {
			expect(frame).toContain(binding.description);
		}

		expect(frame).not.toContain('more: make the terminal taller');

		app.press(keys.escape);
		await app.waitForFrame('[1 feed]');
		expect(exits).toEqual([]);
	});

	it('fits 80x24, says when too small, and lays out again on resize', async () => {
		const {app, write} = setup();
		write(exam(1, [0.9, 0.8, 0.7, 0.6]));
		let frame = await app.waitForFrame('[1 feed]');
		const lines = frame.split('\n');
		expect(lines.length).toBeLessThanOrEqual(24);
		expect(
			Math.max(...lines.map((line) => stringWidth(line))),
		).toBeLessThanOrEqual(80);

		app.resize(40, 10);
		frame = await app.waitForFrame('too small');
		expect(frame).toContain('40x10');
		expect(frame).toContain('60x15');

		app.resize(100, 30);
		frame = await app.waitForFrame('[1 feed]');
		expect(frame.split('\n').length).toBe(30);
	});
});

describe('exam drill-down histogram', () => {
	// One result in each band, two in the top band, at the smallest sizes.
	const spread = [0.05, 0.15, 0.25, 0.35, 0.45, 0.55, 0.65, 0.75, 0.85, 0.95];

	for (const [columns, rows] of [
		[60, 15],
		[80, 16],
		[80, 17],
	] as const) {
		it(`shows all ten bands at ${columns}x${rows}`, async () => {
			const {app, write} = setup({columns, rows, ascii: true});
			write(
				[...spread, 0.99].map((score, index) => ({
					studentId: `s${index}`,
					exam: 3,
					score,
				})),
			);
			app.press('4');
			await app.waitForFrame(/> +3 +11/);
			app.press(keys.enter);
			const frame = await app.waitForFrame('exam 3');

			for (let band = 0; band < 10; band++) {
				const count = band === 9 ? 2 : 1;
				expect(frame).toMatch(
					new RegExp(`0\\.${band}(-\\S+)? +#+ +${count}(\\s|$)`, 'm'),
				);
			}

			const lines = frame.split('\n');
			expect(lines).toHaveLength(rows);
			for (const line of lines) {
				expect(stringWidth(line)).toBeLessThanOrEqual(columns);
			}
		});
	}
});

describe('--ascii', () => {
	it('draws only ASCII in every pane, drill-down and overlay', async () => {
		const {app, write} = setup({ascii: true});
		const long =
			'a-student-id-far-too-long-for-any-column-of-the-screen-'.repeat(2);
		write([
			...exam(1, [0.2, 0.8, 0.5, 0.5]),
			{studentId: long, exam: 1, score: 1},
		]);
		write([{studentId: 'ann', exam: 2, score: 0.6}]);
		const ascii = /^[\x20-\x7e\n]*$/;
		const frames = [await app.waitForFrame(/ann +2 +0\.6000 \^/)];

		app.press('p');
		frames.push(await app.waitForFrame('paused'));
		for (const [key, text] of [
			['2', '#1 '],
			[keys.enter, 'student '],
			['3', 'sort id'],
			['/', 'filter /_'],
			['a', 'filter /a_'],
			[keys.enter, 'results'],
			[keys.enter, 'student '],
			['4', 'oldest first'],
			[keys.enter, 'exam 1'],
			['?', 'Keys ('],
		] as const) {
			app.press(key);
			frames.push(await app.waitForFrame(text));
		}

		expect(frames.join('\n')).toContain('~');
		for (const frame of frames) {
			expect(frame).toMatch(ascii);
		}
	});
});
