import {get, type IncomingHttpHeaders} from 'node:http';

/** One blank-line-terminated block of an event stream, fields as sent. */
export type SseBlock = {
	raw: string;
	id?: string;
	event?: string;
	data?: string;
	comments: string[];
};

export type SseReading = {
	status: number;
	headers: IncomingHttpHeaders;
	/** Everything received, including any incomplete last block. */
	text: string;
	blocks: SseBlock[];
	/** The blocks that carry an `event:` field. */
	events: SseBlock[];
};

export type ReadSseOptions = {
	/** Stop once this many event blocks have arrived. */
	events?: number;
	/** Stop once this holds for what has arrived. */
	until?: (reading: SseReading) => boolean;
	headers?: Record<string, string>;
};

function parseBlock(raw: string): SseBlock {
	const block: SseBlock = {raw, comments: []};
	for (const line of raw.split('\n')) {
		const colon = line.indexOf(':');
		const name = colon === -1 ? line : line.slice(0, colon);
		const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
		if (name === '') {
			block.comments.push(value);
		} else if (name === 'id' || name === 'event' || name === 'data') {
			block[name] = value;
		}
	}

	return block;
}

function isDone(reading: SseReading, options: ReadSseOptions): boolean {
	if (options.events !== undefined && reading.events.length >= options.events) {
		return true;
	}

	return options.until?.(reading) ?? false;
}

/**
 * Reads an event stream until the options say stop, then disconnects. Also
 * settles when the server ends the response (a 404, or close()).
 */
export function readSse(
	url: string,
	options: ReadSseOptions = {},
): Promise<SseReading> {
	return new Promise((resolve, reject) => {
		let pending = '';
		let settled = false;

		const request = get(url, {headers: options.headers}, (response) => {
			const reading: SseReading = {
				status: response.statusCode ?? 0,
				headers: response.headers,
				text: '',
				blocks: [],
				events: [],
			};

			const finish = () => {
				settled = true;
				request.destroy();
				resolve(reading);
			};

			response.setEncoding('utf8');
			response.on('data', (chunk: string) => {
				if (settled) {
					return;
				}

				reading.text += chunk;
				pending += chunk;
				const end = pending.lastIndexOf('\n\n');
				if (end !== -1) {
					// Only whole blocks: a chunk may stop mid-line.
					for (const raw of pending.slice(0, end).split('\n\n')) {
						const block = parseBlock(raw);
						reading.blocks.push(block);
						if (block.event !== undefined) {
							reading.events.push(block);
						}
					}

					pending = pending.slice(end + 2);
				}

				if (isDone(reading, options)) {
					finish();
				}
			});

			response.on('end', finish);
			response.on('error', finish);
		});

		request.on('error', (error) => {
			if (!settled) {
				reject(error);
			}
		});
	});
}
