import {UsageError} from './errors.js';

const units: Record<string, number> = {ms: 1, s: 1000, m: 60_000, h: 3_600_000};

/** Reads `250ms`, `30s`, `5m` or `1h` (a bare number means seconds). */
export function parseDuration(text: string, flag: string): number {
	const match = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(text.trim());
	if (!match) {
		throw new UsageError(
			`--${flag} takes a duration such as 30s, 5m or 250ms, not "${text}"`,
		);
	}

	const value = Number(match[1]) * (units[match[2] ?? 's'] ?? 1000);
	if (value <= 0) {
		throw new UsageError(`--${flag} must be longer than zero`);
	}

	return value;
}
