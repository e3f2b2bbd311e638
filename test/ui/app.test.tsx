import stringWidth from 'string-width';
import {describe, expect, it, vi} from 'vitest';
import {App} from '../../source/app.js';
import {emptyCounters} from '../../source/use-ingest.js';
import {FakeIngest, keys, renderSized} from '../helpers/render-app.js';

function update(ingest: FakeIngest, studentId: string, stored: number) {
	ingest.send({
		type: 'update',
		feed: [
			{
				studentId,
				exam: 14_102,
				score: 0.6815787969197457,
				receivedAt: Date.now(),
				eventId: String(stored),
			},
		],
		skipped: 0,
		counters: {...emptyCounters, stored, students: stored, exams: 1, rate: 12},
		state: {kind: 'open', since: Date.now()},
	});
}

describe('App', () => {
	it('shows the status bar and arriving scores in 80x24', async () => {
		const ingest = new FakeIngest();
		const app = renderSized(
			<App ingest={ingest} source="built-in stream" onExit={() => {}} />,
		);

		await app.waitForFrame('connecting');
		update(ingest, 'Hannah.Herman76', 1);
		await app.waitForFrame('Hannah.Herman76');
		update(ingest, 'Zack20', 2);
		const frame = await app.waitForFrame('Zack20');

		expect(frame).toContain('open');
		expect(frame).toContain('scores 2');
		expect(frame).toContain('0.6816');
		expect(frame.split('\n').length).toBeLessThanOrEqual(24);
		expect(
			Math.max(...frame.split('\n').map((line) => stringWidth(line))),
		).toBeLessThanOrEqual(80);
		// Newest on top.
		expect(frame.indexOf('Zack20')).toBeLessThan(
			frame.indexOf('Hannah.Herman76'),
		);
	});

	it('keeps every update that arrives between two frames', async () => {
		const ingest = new FakeIngest();
		const app = renderSized(
			<App ingest={ingest} source="s" onExit={() => {}} />,
		);

		// Sent in one go, the later two are drawn together in the next frame.
		update(ingest, 'First1', 1);
		update(ingest, 'Second2', 2);
		update(ingest, 'Third3', 3);
		const frame = await app.waitForFrame('Third3');

		expect(frame).toContain('scores 3');
		expect(frame).toContain('Second2');
		expect(frame).toContain('First1');
	});

	it('escapes control characters in student ids', async () => {
		const ingest = new FakeIngest();
		const app = renderSized(
			<App ingest={ingest} source="s" onExit={() => {}} />,
		);

		update(ingest, 'evil\u001B[2Jid', 1);
		const frame = await app.waitForFrame('evil');

		expect(frame).toContain('evil\\x1b[2Jid');
		expect(frame).not.toContain('\u001B[2J');
	});

	it('quits on q and on Ctrl-C through one exit path', async () => {
		for (const key of ['q', keys.ctrlC]) {
			const ingest = new FakeIngest();
			const exits: Array<string | undefined> = [];
			const app = renderSized(
				<App
					ingest={ingest}
					source="s"
					onExit={(reason) => exits.push(reason)}
				/>,
			);

			await app.waitForFrame('connecting');
			app.press(key);

			expect(exits).toEqual([undefined]);
		}
	});

	it('leaves with the failure when the worker fails', async () => {
		const ingest = new FakeIngest();
		const exits: Array<string | undefined> = [];
		const app = renderSized(
			<App
				ingest={ingest}
				source="s"
				onExit={(reason) => exits.push(reason)}
			/>,
		);

		await app.waitForFrame('connecting');
		ingest.send({type: 'failed', message: 'disk full while writing x.db'});

		await vi.waitFor(() => {
			expect(exits).toEqual(['disk full while writing x.db']);
		});
	});
});
