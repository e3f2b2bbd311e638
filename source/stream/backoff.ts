/** Bounds for the delay between reconnects, whatever the server asks. */
export const minimumDelayMs = 250;
export const maximumDelayMs = 60_000;

/**
 * The wait before reconnect attempt n (1-based): exponential from the
 * server's `retry:` (clamped, so neither `retry: 0` nor a huge value
 * hurts), with full jitter over the upper half so clients spread out.
 */
export function reconnectDelay(
	attempt: number,
	retryMs: number,
	random: () => number = Math.random,
): number {
	const base = clamp(retryMs);
	const exponential = clamp(base * 2 ** Math.min(attempt - 1, 16));
	const jittered = exponential / 2 + (random() * exponential) / 2;
	return Math.max(minimumDelayMs, Math.round(jittered));
}

function clamp(milliseconds: number): number {
	if (!Number.isFinite(milliseconds)) {
		return maximumDelayMs;
	}

	return Math.min(maximumDelayMs, Math.max(minimumDelayMs, milliseconds));
}
