import {describe, expect, it} from 'vitest';
import type {Block} from '../../source/stream/sse-blocks.js';
import {droppedType, SseLineGuard} from '../../source/stream/sse-line-guard.js';

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', {ignoreBOM: true});

type Piece = string | number[];

function guard(pieces: Piece[], initialId = '', maxLength?: number) {
	const retries: number[] = [];
	const sse = new SseLineGuard(
		{onRetry: (milliseconds) => retries.push(milliseconds)},
		initialId,
		maxLength,
	);
	let output = '';
	for (const piece of pieces) {
		const bytes =
			typeof piece === 'string' ? encoder.encode(piece) : new Uint8Array(piece);
		output += decoder.decode(sse.push(bytes), {stream: true});
	}

	const blocks: Block[] = [];
	while (sse.blocks.size > 0) {
		blocks.push(sse.blocks.shift()!);
	}

	return {output, blocks, retries};
}

function block(kind: Block['kind'], id = '', ownId = false): Block {
	return {kind, id, ownId, dropped: undefined};
}

describe('SseLineGuard', () => {
	it('passes a read with LF line ends on as it came, copying nothing', () => {
		const sse = new SseLineGuard();
		const chunk = encoder.encode('id: 1\nevent: score\ndata: {}\n\n: hi\n');
		expect(sse.push(chunk)).toBe(chunk);
	});

	it('turns CR and CRLF into LF, whatever the read boundaries', () => {
		const {output, blocks} = guard([
			'event: score\rdata: a\r',
			'\n\r',
			'data: b\r\r',
			'\ndata: c\r\n\r\n',
		]);
		// The CR that ends the second read and the LF that starts the next
		// are one CRLF.
		expect(output).toBe('event: score\ndata: a\n\ndata: b\n\ndata: c\n\n');
		expect(blocks.map((entry) => entry.kind)).toEqual([
			'score',
			'ignored',
			'ignored',
		]);
	});

	it('moves the id on an id-only block, not on an unfinished one', () => {
		expect(guard(['id: 4\n\nid: 5\n']).blocks).toEqual([
			block('id-only', '4', true),
		]);
	});

	it('gives an event without an id line the last id, marked inherited', () => {
		const {blocks} = guard(
			['event: score\ndata: a\n\nid: 2\nevent: score\ndata: b\n\n'],
			'1',
		);
		expect(blocks).toEqual([
			block('score', '1', false),
			block('score', '2', true),
		]);
	});

	it('ignores an id holding NUL and resets on a bare or empty id', () => {
		expect(
			guard(['id: 1\0\ndata: a\n\nid\ndata: b\n\nid: 3\n\nid:\n\n'], '9')
				.blocks,
		).toEqual([
			block('ignored', '9', false),
			block('ignored', '', true),
			block('id-only', '3', true),
			block('id-only', '', true),
		]);
	});

	it('reads past one leading BOM, even split across reads, but not two', () => {
		const bom = [0xef, 0xbb, 0xbf];
		const score = 'event: score\ndata: a\n\n';
		expect(guard([[0xef], [0xbb], [0xbf], score]).blocks).toEqual([
			block('score'),
		]);
		expect(guard([[...bom, ...bom], score]).blocks).toEqual([block('ignored')]);
	});

	it('reads only exact field names and the score type', () => {
		const {blocks} = guard([
			'event:score\ndata:a\n\n',
			'event:  score\ndata: b\n\n',
			'Event: score\ndata: c\n\n',
			'event: score\nData: d\n\n',
			'event: score\ndata\n\n',
		]);
		expect(blocks.map((entry) => entry.kind)).toEqual([
			'score',
			'ignored',
			'ignored',
			'score',
		]);
	});

	it('takes only whole-digit retry values', () => {
		expect(
			guard(['retry: 10\nretry: 1e3\nretry: -1\nretry:\nretry: ٥\n\n']).retries,
		).toEqual([10]);
	});

	it('retypes an event whose line passes the cap mid-read, and reads on', () => {
		const {output, blocks} = guard(
			[
				'event: score\ndata: ',
				'x'.repeat(60),
				'x'.repeat(60),
				'x\n',
				'event: score\n\nevent: score\ndata: ok\n\n',
			],
			'',
			100,
		);
		expect(output).toBe(
			`event: score\ndata: ${'x'.repeat(60)}\nevent: ${droppedType}\n\n` +
				'event: score\ndata: ok\n\n',
		);
		expect(blocks).toEqual([
			{
				kind: 'dropped',
				id: '',
				ownId: false,
				dropped: {head: `data: ${'x'.repeat(120)}`, length: 127},
			},
			block('score'),
		]);
	});

	it('drops an event whose data lines together pass the cap', () => {
		const line = `data: ${'y'.repeat(40)}\n`;
		const {output, blocks} = guard(
			[`event: score\n${line.repeat(5)}id: 7\n\nevent: score\ndata: ok\n\n`],
			'',
			100,
		);
		expect(output).toBe(
			`event: score\n${line.repeat(2)}event: ${droppedType}\n\n` +
				'event: score\ndata: ok\n\n',
		);
		expect(blocks.map(({kind, id}) => [kind, id])).toEqual([
			['dropped', '7'],
			['score', '7'],
		]);
	});
});
