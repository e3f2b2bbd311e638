/** Why an attempt ended, and whether trying again could help. */
export type Failure = {reason: string; fatal: boolean};

/** Which answers are worth retrying, and how to say the others plainly. */
export function classify(response: Response): Failure | undefined {
	const {status} = response;
	const type = (response.headers.get('content-type') ?? '').toLowerCase();

	if (status === 204) {
		return {
			reason: 'the server answered 204 No Content: it has no stream to send',
			fatal: true,
		};
	}

	if (status >= 500 || status === 408 || status === 429) {
		return {reason: `HTTP ${status}`, fatal: false};
	}

	if (status !== 200) {
		return {
			reason: `the server answered HTTP ${status}: check --url`,
			fatal: true,
		};
	}

	if (!type.startsWith('text/event-stream')) {
		const shown = type.split(';')[0] || 'no content type';
		return {
			reason: `the server sent ${shown}, not an event stream: check --url`,
			fatal: true,
		};
	}

	return undefined;
}

/**
 * Why a request failed before any answer. Node's fetch refuses some ports
 * outright ("bad port": 1, 25, 6000 and others); no retry can pass that.
 */
export function classifyNetworkError(error: unknown, url: string): Failure {
	const cause = (error as {cause?: {message?: string}}).cause;
	if (cause?.message === 'bad port') {
		const {port} = new URL(url);
		return {
			reason: `port ${port} is blocked by Node's fetch; use another port`,
			fatal: true,
		};
	}

	return {reason: describeNetworkError(error), fatal: false};
}

export function describeNetworkError(error: unknown): string {
	const cause = (error as {cause?: {code?: string; message?: string}}).cause;
	switch (cause?.code) {
		case 'ECONNREFUSED': {
			return 'connection refused';
		}

		case 'ECONNRESET':
		case 'UND_ERR_SOCKET': {
			return 'connection lost';
		}

		case 'ENOTFOUND': {
			return 'host not found';
		}

		default: {
			return firstLine(cause?.message ?? (error as Error).message);
		}
	}
}

function firstLine(text: string | undefined): string {
	return (text ?? 'network error').split('\n')[0] ?? 'network error';
}
