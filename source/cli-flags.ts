import type {AnyFlags} from 'meow';
import {UsageError} from './errors.js';

/** Every flag scoretop takes; meow refuses any other. */
export const flags = {
	url: {type: 'string'},
	db: {type: 'string'},
	export: {type: 'string', choices: ['csv', 'json', 'ndjson']},
	view: {
		type: 'string',
		choices: ['scores', 'students', 'exams', 'leaderboard', 'rejects'],
	},
	out: {type: 'string'},
	count: {type: 'number'},
	duration: {type: 'string'},
	headless: {type: 'boolean', default: false},
	stallTimeout: {type: 'string', default: '45s'},
	color: {type: 'boolean', default: true},
	ascii: {type: 'boolean', default: false},
	logFile: {type: 'string'},
	port: {type: 'number'},
	host: {type: 'string', default: '127.0.0.1'},
	rate: {type: 'number'},
	seed: {type: 'number'},
	roster: {type: 'number'},
	firehose: {type: 'boolean', default: false},
} satisfies AnyFlags;

export const helpText = `
	Usage
	  $ scoretop [options]             live monitor (the built-in stream unless --url)
	  $ scoretop stream [options]      run the built-in stream server alone
	  $ scoretop serve [options]       HTTP API over the stored scores while ingesting

	Source and storage
	  --url URL              SSE stream to read (default: the built-in stream)
	  --db FILE              SQLite file (default: one per source in the data directory)
	  --stall-timeout TIME   reconnect when nothing arrives this long (1s-1h, default 45s)

	Headless
	  --export FORMAT        csv, json or ndjson: write a view of the database and exit
	  --view NAME            scores (default), students, exams, leaderboard or rejects
	  --out FILE             write the export here instead of stdout
	  --count N              capture: stop after N stored scores, then export
	  --duration TIME        capture: stop after TIME (30s, 5m, 2d; at most 24d), then export
	  --headless             record without the UI; state and summaries on stderr

	Display
	  --no-color             no colours (NO_COLOR is honoured too)
	  --ascii                plain ASCII for terminals that are not UTF-8
	  --log-file FILE        write a debug log here

	stream and serve
	  --port N               port to listen on, 1-65535 (stream: 8080, serve: 3000;
	                         0 picks a free one)
	  --host HOST            address to listen on (default 127.0.0.1)

	The built-in stream (stream, or the monitor and serve without --url)
	  --rate N               events per second, above 0 (default: a burst every 3 s)
	  --seed N               seed for the generated scores, a whole number
	  --roster N             students per exam, 1-10000 (default 20)
	  --firehose             send as fast as the client reads

	Exit codes: 0 success, 1 runtime failure, 2 usage error (a flag the
	command does not take is one).

	Examples
	  $ scoretop
	  $ scoretop --url http://127.0.0.1:8080/scores --db run.db --count 1000 --export json --view students
	  $ scoretop --export csv --view leaderboard --db run.db --out top.csv
	  $ scoretop serve --port 3000
	  $ scoretop stream --port 8080
`;

export type FlagName = keyof typeof flags;

/** The command line as meow should read it, and which flags it names. */
export type ReadArgv = {
	/** Each value joined to its flag (`--count=-5`), so none looks like a flag. */
	argv: string[];
	/** The flags given on the command line, defaults aside. */
	given: Set<FlagName>;
	help: boolean;
	version: boolean;
};

/**
 * Reads the command line before meow does: an unknown flag is refused in
 * one line (meow's own message takes two), a flag that wants a value and
 * has none is refused, and the token after a flag that takes a value is
 * that value even when it starts with a dash (`--count -5`).
 */
export function readArgv(argv: readonly string[]): ReadArgv {
	const read: ReadArgv = {
		argv: [],
		given: new Set(),
		help: false,
		version: false,
	};

	for (let index = 0; index < argv.length; index++) {
		const argument = argv[index] ?? '';
		if (argument === '--') {
			read.argv.push(...argv.slice(index));
			break;
		}

		if (!looksLikeFlag(argument)) {
			read.argv.push(argument);
			continue;
		}

		const [written = '', ...valueParts] = argument.split('=');
		const name = flagKey(written);
		if (name === 'help' || name === 'h' || name === 'version') {
			read[name === 'version' ? 'version' : 'help'] = true;
			continue;
		}

		if (name === undefined) {
			throw new UsageError(`unknown flag ${written}; see scoretop --help`);
		}

		read.given.add(name);
		if (flags[name].type === 'boolean' || valueParts.length > 0) {
			read.argv.push(argument);
			continue;
		}

		const value = argv[index + 1];
		if (value === undefined || looksLikeFlag(value)) {
			throw new UsageError(`${written} needs a value; see scoretop --help`);
		}

		read.argv.push(`${written}=${value}`);
		index++;
	}

	return read;
}

/** `-5` and `-1s` are values; `--db`, `-h` and `--no-color` are flags. */
function looksLikeFlag(argument: string): boolean {
	return (
		argument.startsWith('-') && argument !== '-' && !/^-[\d.]/.test(argument)
	);
}

/** The flags-table key of `--stall-timeout` or `--no-color`, if known. */
function flagKey(
	written: string,
): FlagName | 'help' | 'h' | 'version' | undefined {
	const camel = written
		.replace(/^--?/, '')
		.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());
	if (camel === 'help' || camel === 'h' || camel === 'version') {
		return camel;
	}

	if (Object.hasOwn(flags, camel)) {
		return camel as FlagName;
	}

	const positive = camel.startsWith('no')
		? camel.charAt(2).toLowerCase() + camel.slice(3)
		: '';
	if (Object.hasOwn(flags, positive) && isBoolean(positive as FlagName)) {
		return positive as FlagName;
	}

	return undefined;
}

function isBoolean(name: FlagName): boolean {
	return flags[name].type === 'boolean';
}

/** `stallTimeout` as the user writes it: `--stall-timeout`. */
export function flagText(name: string): string {
	return `--${name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;
}

/** meow reads `--rate x` as NaN; say which flag wanted a number. */
export function findBadNumber(
	values: Record<string, unknown>,
): string | undefined {
	for (const [name, spec] of Object.entries(flags)) {
		const value = values[name];
		if (
			spec.type === 'number' &&
			value !== undefined &&
			!Number.isFinite(value)
		) {
			return `${flagText(name)} takes a number`;
		}
	}

	return undefined;
}
