/** A mistake in how scoretop was called: exit 2. */
export class UsageError extends Error {
	override name = 'UsageError';
}

/** Something failed while running: exit 1. */
export class RuntimeError extends Error {
	override name = 'RuntimeError';
}

export const exitCodes = {ok: 0, failure: 1, usage: 2} as const;

/** One line for the user: never a stack trace. */
export function oneLine(error: unknown): string {
	const text = error instanceof Error ? error.message : String(error);
	return text.split('\n')[0] ?? text;
}
