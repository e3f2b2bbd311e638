import stringWidth from 'string-width';
import {afterEach, describe, expect, it} from 'vitest';
import {App} from '../../source/app.js';
import type {ReaderHandle} from '../../source/components/store-reader.js';
import {emptyCounters} from '../../source/use-ingest.js';
import {createTheme, ThemeContext} from '../../source/theme.js';
import {FakeIngest, renderSized, storeFixture} from '../helpers/render-app.js';

const open: Array<{close(): void}> = [];

afterEach(() => {
	for (const store of open.splice(0)) {
		store.close();
	}
});

function setup(reader?: ReaderHandle, source = 'http://127.0.0.1:1/scores') {
	const ingest = new FakeIngest();
	const app = renderSized(
		<ThemeContext.Provider value={createTheme({color: false, ascii: false})}>
			<App
				ingest={ingest}
				source={source}
				reader={reader}
				onExit={() => undefined}
			/>
		</ThemeContext.Provider>,
		{columns: 80, rows: 24},
	);
	return {app, ingest};
}

function scores(count: number, from = 0) {
	return Array.from({length: count}, (_, index) => ({
		studentId: `s${from + index}`,
		exam: 1,
		score: 0.5,
	}));
}

describe('status messages', () => {
	it('offers to resume while the feed is paused', async () => {
		const {app} = setup();
		await app.waitForFrame('p pause');
		app.press('p');
		const frame = await app.waitForFrame('p resume');
		expect(frame).not.toContain('p pause');
		app.press('p');
		await app.waitForFrame('p pause');
	});

	it('gives a closed stream its reason on a line of its own', async () => {
		const source = `http://127.0.0.1:45678/${'long/'.repeat(20)}scores`;
		const {app, ingest} = setup(undefined, source);
		const reason =
			'the server sent text/html, not an event stream: check --url';
		ingest.send({
			type: 'update',
			feed: [],
			skipped: 0,
			counters: emptyCounters,
			state: {kind: 'closed', reason, fatal: true},
		});
		const frame = await app.waitForFrame(reason);
		const lines = frame.split('\n');
		expect(lines[0]).toMatch(/ · closed$/);
		expect(lines[1]).toBe(reason);
		expect(lines[2]).toMatch(/^scores 0 · /);
		expect(frame).toContain('the stream stopped: the server sent');
		expect(frame).not.toContain('waiting for scores');
		expect(lines).toHaveLength(24);
		for (const line of lines) {
			expect(stringWidth(line)).toBeLessThanOrEqual(80);
		}
	});

	it('starts a reopened store with its newest scores, each once', async () => {
		const store = storeFixture();
		open.push(store);
		store.write(scores(1060));
		const {app, ingest} = setup(store.reader);
		let frame = await app.waitForFrame('s1059');
		expect(frame).toContain('s1050');
		expect(frame).not.toContain('waiting for scores');

		// A score stored while the feed was read comes in the first update too.
		const late = store.write(scores(1, 1060));
		ingest.update(store.stored, late);
		frame = await app.waitForFrame('s1060');
		expect(frame.match(/s1059/g)).toHaveLength(1);

		ingest.update(store.stored, late);
		frame = await app.waitForFrame(/s1060[\s\S]*s1060/);
		expect(frame.match(/s1060/g)).toHaveLength(2);
	});

	it('says how many are stored when it cannot show them', async () => {
		const {app, ingest} = setup();
		await app.waitForFrame('waiting for scores');
		ingest.update(1060);
		await app.waitForFrame('no new scores yet; 1,060 stored');
	});
});
