import {builtinSource, defaultDatabasePath} from './database-path.js';
import {UsageError} from './errors.js';
import type {StreamServer} from './stream/stream-server.js';
import {startStreamServerThread} from './stream/stream-server-thread.js';

/** Where scores come from and where they are kept, for one run. */
export type ResolvedSource = {
	/** What the database records as its source. */
	source: string;
	/** What the worker connects to. */
	url: string;
	dbFile: string;
	/** The in-process built-in stream, when no --url was given. */
	server?: StreamServer;
};

export function checkUrl(url: string): string {
	let parsed: URL;
	try {
		parsed = new URL(url);
	} catch {
		throw new UsageError(
			`--url "${url}" is not a URL; try http://127.0.0.1:8080/scores`,
		);
	}

	if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
		throw new UsageError(`--url must be http or https, not ${parsed.protocol}`);
	}

	return parsed.href;
}

/**
 * With --url the stream is that URL; without, the built-in stream starts in
 * this process (on a thread of its own) and is read over real HTTP on
 * 127.0.0.1 like any other.
 */
export async function resolveSource(flags: {
	url?: string;
	db?: string;
	seed?: number;
	rate?: number;
	firehose?: boolean;
}): Promise<ResolvedSource> {
	if (flags.url !== undefined) {
		const url = checkUrl(flags.url);
		return {source: url, url, dbFile: flags.db ?? defaultDatabasePath(url)};
	}

	const server = await startStreamServerThread({
		seed: flags.seed,
		rate: flags.rate,
		firehose: flags.firehose,
	});
	return {
		source: builtinSource,
		url: server.url,
		dbFile: flags.db ?? defaultDatabasePath(builtinSource),
		server,
	};
}
