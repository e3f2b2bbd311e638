import {Worker} from 'node:worker_threads';
import {describe, expect, it} from 'vitest';
import {describeThrown} from '../../source/stream/thrown.js';

/** What a real worker's 'error' event carries when its code throws this. */
async function thrownBy(code: string): Promise<unknown> {
	const worker = new Worker(code, {eval: true, stderr: true});
	return new Promise((resolve) => {
		worker.once('error', resolve);
	});
}

describe('describeThrown', () => {
	it.each([
		[
			'an Error',
			'throw new Error("disk on fire\\nat line 2")',
			'the ingest worker failed: disk on fire',
		],
		[
			'a string',
			'throw "plain words"',
			'the ingest worker failed: plain words',
		],
		['undefined', 'throw undefined', 'the ingest worker failed (undefined)'],
		['null', 'throw null', 'the ingest worker failed (null)'],
		['a number', 'throw 42', 'the ingest worker failed (42)'],
		[
			'an Error without a message',
			'throw new TypeError()',
			'the ingest worker failed (TypeError)',
		],
		[
			'an object without a message',
			'throw {code: 7}',
			'the ingest worker failed ([object Object])',
		],
	])('gives one line when a worker throws %s', async (_name, code, line) => {
		expect(
			describeThrown(await thrownBy(code), 'the ingest worker failed'),
		).toBe(line);
	});

	it('survives a value that cannot even be turned into text', () => {
		expect(
			describeThrown(Object.create(null), 'the ingest worker failed'),
		).toBe('the ingest worker failed (object)');
	});
});
