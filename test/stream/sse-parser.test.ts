import {describe, expect, it} from 'vitest';
import {SseParser} from '../../source/stream/sse-parser.js';

type Seen = {type: string; data: string; id: string; ownId: boolean};

function parse(pieces: string[], initialId = '', maxLength?: number) {
	const events: Seen[] = [];
	const overlong: Array<[string, number]> = [];
	const retries: number[] = [];
	const parser = new SseParser(
		{
			onEvent: (type, data, id, ownId) => events.push({type, data, id, ownId}),
			onOverlong: (head, length) => overlong.push([head, length]),
			onRetry: (milliseconds) => retries.push(milliseconds),
		},
		initialId,
		maxLength,
	);
	const encoder = new TextEncoder();
	for (const piece of pieces) {
		parser.push(encoder.encode(piece));
	}

	return {events, overlong, retries, resumeId: parser.dispatchedId};
}

describe('SseParser', () => {
	it('moves the resume point on an id-only block, not on an unfinished one', () => {
		expect(parse(['id: 4\n\n']).resumeId).toBe('4');
		expect(parse(['id: 4\n\nid: 5\n']).resumeId).toBe('4');
	});

	it('starts from the id it resumes from and marks inherited ids', () => {
		expect(parse(['data: a\n\nid: 2\ndata: b\n\n'], '1').events).toEqual([
			{type: 'message', data: 'a', id: '1', ownId: false},
			{type: 'message', data: 'b', id: '2', ownId: true},
		]);
	});

	it('ignores an id holding NUL', () => {
		expect(parse(['id: 1\0\ndata: a\n\n'], '9').events[0]?.id).toBe('9');
	});

	it('strips one leading BOM, not two', () => {
		const {events} = parse(['\uFEFF\uFEFFdata: a\n\ndata: b\n\n']);
		expect(events).toEqual([
			{type: 'message', data: 'b', id: '', ownId: false},
		]);
	});

	it('dispatches an event framed by bare CRs at once', () => {
		expect(parse(['data: a\r\r']).events).toHaveLength(1);
	});

	it('takes only whole-digit retry values', () => {
		expect(
			parse(['retry: 10\nretry: 1e3\nretry: -1\nretry:\n\n']).retries,
		).toEqual([10]);
	});

	it('drops a line that never ends once it passes the cap, and reads on', () => {
		const {events, overlong} = parse(
			['data: ', 'x'.repeat(60), 'x'.repeat(60), 'x\n', '\ndata: ok\n\n'],
			'',
			100,
		);
		expect(overlong).toEqual([['data: ' + 'x'.repeat(120), 127]]);
		expect(events.map((event) => event.data)).toEqual(['ok']);
	});

	it('drops an event whose data lines together pass the cap', () => {
		const line = `data: ${'y'.repeat(40)}\n`;
		const {events, overlong} = parse(
			[line.repeat(5), '\ndata: ok\n\n'],
			'',
			100,
		);
		expect(overlong).toHaveLength(1);
		expect(events.map((event) => event.data)).toEqual(['ok']);
	});
});
