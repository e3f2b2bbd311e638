/** A page of a list: where it starts and how many rows it holds at most. */
export type PageRequest = {offset: number; limit: number};

export const defaultLimit = 100;
export const maxLimit = 1000;

/** A parameter the client got wrong: answered with 400. */
export class BadRequest extends Error {
	override name = 'BadRequest';
}

/** Reads `limit` and `offset`; anything but whole numbers in range is a 400. */
export function readPage(query: Record<string, string>): PageRequest {
	const limit = readWhole(query, 'limit', defaultLimit);
	const offset = readWhole(query, 'offset', 0);
	if (limit < 1 || limit > maxLimit) {
		throw new BadRequest(`limit must be between 1 and ${maxLimit}`);
	}

	return {offset, limit};
}

function readWhole(
	query: Record<string, string>,
	name: string,
	fallback: number,
): number {
	const text = query[name];
	if (text === undefined) {
		return fallback;
	}

	const value = Number(text);
	if (!/^\d+$/.test(text) || !Number.isSafeInteger(value)) {
		throw new BadRequest(`${name} must be a whole number, not "${text}"`);
	}

	return value;
}

/**
 * The link to the page after this one, or null on the last page. It keeps
 * the path and the limit, so a client can follow `next` until it is null.
 */
export function nextLink(
	path: string,
	page: PageRequest,
	rows: number,
	total: number,
): string | null {
	const offset = page.offset + rows;
	if (rows === 0 || offset >= total) {
		return null;
	}

	return `${path}?limit=${page.limit}&offset=${offset}`;
}
