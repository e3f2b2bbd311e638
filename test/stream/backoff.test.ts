import {describe, expect, it} from 'vitest';
import {
	maximumDelayMs,
	minimumDelayMs,
	reconnectDelay,
} from '../../source/stream/backoff.js';
import {describeState} from '../../source/stream/connection-state.js';

const lowest = () => 0;
const highest = () => 0.999_999;

describe('reconnectDelay', () => {
	it('doubles from the server retry, jittered over the upper half', () => {
		expect(reconnectDelay(1, 1000, lowest)).toBe(500);
		expect(reconnectDelay(1, 1000, highest)).toBe(1000);
		expect(reconnectDelay(3, 1000, lowest)).toBe(2000);
		expect(reconnectDelay(3, 1000, highest)).toBe(4000);
	});

	it.each([0, 1, -5])('never storms, whatever retry says (%s)', (retry) => {
		expect(reconnectDelay(1, retry, lowest)).toBe(minimumDelayMs);
	});

	it.each([2 ** 31, 2 ** 53, Number.POSITIVE_INFINITY, Number.NaN])(
		'never waits past the ceiling, nor overflows a timer (%s)',
		(retry) => {
			expect(reconnectDelay(1, retry, highest)).toBe(maximumDelayMs);
			expect(reconnectDelay(1000, retry, highest)).toBe(maximumDelayMs);
		},
	);
});

describe('describeState', () => {
	it('says why, which attempt and how long until it', () => {
		expect(
			describeState(
				{
					kind: 'reconnecting',
					reason: 'HTTP 502',
					attempt: 3,
					nextAt: 12_500,
				},
				10_000,
			),
		).toBe('reconnecting (HTTP 502), attempt 3, next in 2.5s');
	});
});
