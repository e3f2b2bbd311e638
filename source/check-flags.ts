import fs from 'node:fs';
import path from 'node:path';
import {flagText, type FlagName} from './cli-flags.js';
import {parseDuration, stallTimeoutBounds} from './duration.js';
import {UsageError} from './errors.js';

/** What scoretop runs: the monitor (no command, exports too), stream or serve. */
export type Mode = 'monitor' | 'stream' | 'serve';

const modeNames: Record<Mode, string> = {
	monitor: 'the monitor',
	stream: 'stream',
	serve: 'serve',
};

const applies: Record<FlagName, readonly Mode[]> = {
	url: ['monitor', 'serve'],
	db: ['monitor', 'serve'],
	stallTimeout: ['monitor', 'serve'],
	logFile: ['monitor', 'serve'],
	export: ['monitor'],
	view: ['monitor'],
	out: ['monitor'],
	count: ['monitor'],
	duration: ['monitor'],
	headless: ['monitor'],
	color: ['monitor'],
	ascii: ['monitor'],
	port: ['stream', 'serve'],
	host: ['stream', 'serve'],
	rate: ['stream', 'monitor', 'serve'],
	seed: ['stream', 'monitor', 'serve'],
	roster: ['stream', 'monitor', 'serve'],
	firehose: ['stream', 'monitor', 'serve'],
};

/** These shape the built-in stream, so a remote --url leaves them nothing. */
const builtinOnly: readonly FlagName[] = ['rate', 'seed', 'roster', 'firehose'];

export type FlagValues = {
	url?: string;
	db?: string;
	out?: string;
	logFile?: string;
	host: string;
	duration?: string;
	stallTimeout: string;
	port?: number;
	rate?: number;
	seed?: number;
	roster?: number;
	count?: number;
};

/**
 * Every check that needs no network and no file opened, so a bad flag is
 * refused (exit 2) before anything is created, started or ingested.
 */
export function checkFlags(
	mode: Mode,
	given: ReadonlySet<FlagName>,
	values: FlagValues,
): void {
	for (const name of given) {
		checkApplies(mode, name, values);
	}

	checkText(values);
	checkNumbers(values);
	if (values.duration !== undefined) {
		parseDuration(values.duration, 'duration');
	}

	parseDuration(values.stallTimeout, 'stall-timeout', stallTimeoutBounds);
	checkFileFlag('--db', values.db);
	checkFileFlag('--log-file', values.logFile);
	checkNotADatabase('--out', values.out, values.db);
	checkNotADatabase('--log-file', values.logFile, values.db);
}

const sqliteHeader = 'SQLite format 3\0';

/**
 * An export or a log written over a database would destroy the scores it
 * holds: refuse the --db file, its companions (-wal, -shm, .lock), and any
 * existing file that is an SQLite database.
 */
function checkNotADatabase(
	flag: string,
	file: string | undefined,
	db: string | undefined,
): void {
	if (file === undefined) {
		return;
	}

	const target = path.resolve(file);
	const companions =
		db === undefined
			? []
			: ['', '-wal', '-shm', '-journal', '.lock'].map((suffix) =>
					path.resolve(db + suffix),
				);
	if (companions.includes(target) || startsLikeSqlite(target)) {
		throw new UsageError(
			`${flag} ${file} is a scoretop database or one of its files; name another file`,
		);
	}
}

function startsLikeSqlite(file: string): boolean {
	try {
		const descriptor = fs.openSync(file, 'r');
		const header = Buffer.alloc(sqliteHeader.length);
		fs.readSync(descriptor, header, 0, header.length, 0);
		fs.closeSync(descriptor);
		return header.toString('latin1') === sqliteHeader;
	} catch {
		return false;
	}
}

function checkApplies(mode: Mode, name: FlagName, values: FlagValues): void {
	const modes = applies[name];
	if (!modes.includes(mode)) {
		const list = modes.map((each) => modeNames[each]).join(' and ');
		throw new UsageError(
			`${flagText(name)} applies to ${list}, not to ${modeNames[mode]}; see scoretop --help`,
		);
	}

	if (builtinOnly.includes(name) && values.url !== undefined) {
		throw new UsageError(
			`${flagText(name)} shapes the built-in stream, so it cannot go with --url`,
		);
	}
}

function checkText(values: FlagValues): void {
	const texts = {
		url: values.url,
		db: values.db,
		out: values.out,
		logFile: values.logFile,
		host: values.host,
	};
	for (const [name, value] of Object.entries(texts)) {
		if (value?.trim() === '') {
			throw new UsageError(`${flagText(name)} needs a value, not ""`);
		}
	}
}

function checkNumbers(values: FlagValues): void {
	const {port, rate, seed, roster, count} = values;
	if (port !== undefined && !isWholeIn(port, 0, 65_535)) {
		throw new UsageError(
			'--port takes a whole number from 1 to 65535 (0 picks a free port)',
		);
	}

	if (rate !== undefined && !(rate > 0 && Number.isFinite(rate))) {
		throw new UsageError('--rate takes a number of events per second above 0');
	}

	if (seed !== undefined && !Number.isSafeInteger(seed)) {
		throw new UsageError('--seed takes a whole number');
	}

	if (roster !== undefined && !isWholeIn(roster, 1, 10_000)) {
		throw new UsageError('--roster takes a whole number from 1 to 10000');
	}

	if (count !== undefined && !isWholeIn(count, 1, Number.MAX_SAFE_INTEGER)) {
		throw new UsageError('--count takes a whole number above zero');
	}
}

function isWholeIn(value: number, low: number, high: number): boolean {
	return Number.isSafeInteger(value) && value >= low && value <= high;
}

/**
 * A file flag names a file in a directory that exists: scoretop creates
 * only its own data directory, never one a typo made up.
 */
function checkFileFlag(flag: string, file: string | undefined): void {
	if (file === undefined) {
		return;
	}

	const stat = fs.statSync(file, {throwIfNoEntry: false});
	if (stat?.isDirectory()) {
		throw new UsageError(`${flag} ${file} is a directory; pass a file in it`);
	}

	const directory = path.dirname(path.resolve(file));
	if (!fs.statSync(directory, {throwIfNoEntry: false})?.isDirectory()) {
		throw new UsageError(
			`${flag} ${file}: there is no directory ${directory}; create it first`,
		);
	}
}
