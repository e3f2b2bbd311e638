import {UsageError} from './errors.js';

const hour = 3_600_000;
const day = 24 * hour;
const units: Record<string, number> = {
	ms: 1,
	s: 1000,
	m: 60_000,
	h: hour,
	d: day,
};

/** The bounds a duration flag accepts, with how to say them. */
export type DurationBounds = {
	minMs: number;
	maxMs: number;
	/** How the bounds read in a message: '24d', '1s and 1h'. */
	minText?: string;
	maxText: string;
};

/**
 * Node's timers hold at most 2^31-1 ms (about 24.8 days); a longer delay
 * fires at once, so a capture would end before it began.
 */
export const durationBounds: DurationBounds = {
	minMs: 1,
	maxMs: 24 * day,
	maxText: '24d',
};

/**
 * Under a second the watchdog would cut every quiet moment short; over an
 * hour a dead connection goes unnoticed for longer than anyone waits.
 */
export const stallTimeoutBounds: DurationBounds = {
	minMs: 1000,
	maxMs: hour,
	minText: '1s',
	maxText: '1h',
};

/** Reads `250ms`, `30s`, `5m`, `1h` or `2d` (a bare number means seconds). */
export function parseDuration(
	text: string,
	flag: string,
	bounds: DurationBounds = durationBounds,
): number {
	const match = /^(\d+(?:\.\d+)?)(ms|s|m|h|d)?$/.exec(text.trim());
	if (!match) {
		throw new UsageError(
			`--${flag} takes a duration such as 30s, 5m or 250ms, not "${text}"`,
		);
	}

	const value = Math.round(Number(match[1]) * (units[match[2] ?? 's'] ?? 1000));
	if (value <= 0) {
		throw new UsageError(`--${flag} must be longer than zero`);
	}

	if (value < bounds.minMs || value > bounds.maxMs) {
		throw new UsageError(
			bounds.minText === undefined
				? `--${flag} can be at most ${bounds.maxText}`
				: `--${flag} must be between ${bounds.minText} and ${bounds.maxText}`,
		);
	}

	return value;
}
