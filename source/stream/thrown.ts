/** One line for whatever a worker threw: an Error, a string, or else. */
export function describeThrown(thrown: unknown, what: string): string {
	const message =
		thrown instanceof Error
			? thrown.message
			: typeof thrown === 'string'
				? thrown
				: (thrown as {message?: unknown} | undefined)?.message;
	const line = typeof message === 'string' ? message.split('\n')[0] : '';
	if (line) {
		return `${what}: ${line.trim()}`;
	}

	return `${what} (${describeValue(thrown)})`;
}

function describeValue(thrown: unknown): string {
	if (thrown instanceof Error) {
		return thrown.name;
	}

	try {
		return String(thrown).split('\n')[0]!.slice(0, 200);
	} catch {
		return typeof thrown;
	}
}
