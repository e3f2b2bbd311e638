import fs from 'node:fs';
import path from 'node:path';
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

/** What the ingest worker needs to know of a resolved source. */
export function ingestTarget(resolved: ResolvedSource) {
	return {url: resolved.url, source: resolved.source, dbFile: resolved.dbFile};
}

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

	// fetch refuses such a URL, and the source name would keep the password
	// in every database file and log line.
	if (parsed.username !== '' || parsed.password !== '') {
		throw new UsageError(
			'--url may not hold a user name or password; scoretop sends no credentials',
		);
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
	roster?: number;
	firehose?: boolean;
}): Promise<ResolvedSource> {
	if (flags.url !== undefined) {
		const url = checkUrl(flags.url);
		return {source: url, url, dbFile: flags.db ?? defaultDatabaseFile(url)};
	}

	const dbFile = flags.db ?? defaultDatabaseFile(builtinSource);
	const server = await startStreamServerThread({
		seed: flags.seed,
		rate: flags.rate,
		rosterSize: flags.roster,
		firehose: flags.firehose,
	});
	return {source: builtinSource, url: server.url, dbFile, server};
}

/**
 * The data directory is scoretop's own, so it is made when missing; the
 * directory of a --db is the user's, and is never made up.
 */
function defaultDatabaseFile(source: string): string {
	const file = defaultDatabasePath(source);
	fs.mkdirSync(path.dirname(file), {recursive: true});
	return file;
}
