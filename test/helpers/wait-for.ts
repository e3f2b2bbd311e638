/** Polls until the check passes or the time runs out; no fixed sleeps. */
export async function waitFor<T>(
	check: () => T | undefined | false | Promise<T | undefined | false>,
	{timeoutMs = 10_000, intervalMs = 20, what = 'condition'} = {},
): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await check();
		if (value !== undefined && value !== false) {
			return value;
		}

		if (Date.now() > deadline) {
			throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
		}

		await new Promise((resolve) => {
			setTimeout(resolve, intervalMs);
		});
	}
}
