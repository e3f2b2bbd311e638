import {afterEach, describe, expect, it} from 'vitest';
import {runHeadless} from '../../source/modes/run-headless.js';
import {
	startStreamServer,
	type StreamServer,
} from '../../source/stream/stream-server.js';
import {tempDb} from '../helpers/temp-dir.js';

let stream: StreamServer | undefined;

afterEach(async () => {
	await stream?.close();
	stream = undefined;
});

describe('runHeadless', () => {
	it('logs each state change once and a summary on each interval', async () => {
		stream = await startStreamServer({seed: 2, rate: 100});
		const lines: string[] = [];

		const counters = await runHeadless({
			resolved: {source: stream.url, url: stream.url, dbFile: tempDb()},
			stallTimeoutMs: 5000,
			count: 40,
			summaryIntervalMs: 25,
			log: (line) => lines.push(line),
		});

		expect(counters.stored).toBe(40);
		expect(lines.filter((line) => line === 'scoretop: open')).toHaveLength(1);
		expect(lines.some((line) => /^scoretop: \d+ scores, /.test(line))).toBe(
			true,
		);
		expect(lines.at(-1)).toMatch(/^scoretop: stopped; 40 scores/);
	});
});
