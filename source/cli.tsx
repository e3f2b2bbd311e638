#!/usr/bin/env node
import meow from 'meow';
import {checkFlags, type Mode} from './check-flags.js';
import {findBadNumber, flags, helpText, readArgv} from './cli-flags.js';
import {parseDuration, stallTimeoutBounds} from './duration.js';
import {exitCodes, oneLine, RuntimeError, UsageError} from './errors.js';
import {createLogger} from './logger.js';
import {builtinSource, defaultDatabasePath} from './database-path.js';
import {runCapture} from './modes/run-capture.js';
import {runExport} from './modes/run-export.js';
import {runHeadless} from './modes/run-headless.js';
import {runServe} from './modes/run-serve.js';
import {checkUrl, resolveSource} from './resolve-source.js';
import type {FormatName} from './store/export/format.js';
import type {ViewName} from './store/export/views.js';
import {runStreamServer} from './stream/stream-server-cli.js';

const cli = parseFlags();

/**
 * Every usage error is found here, before a file is created or a server
 * started: exit 2 with one line.
 */
function parseFlags() {
	try {
		const read = readArgv(process.argv.slice(2));
		const parsed = meow(helpText, {
			importMeta: import.meta,
			flags,
			argv: read.argv,
			autoHelp: false,
			autoVersion: false,
		});
		if (read.help) {
			parsed.showHelp(exitCodes.ok);
		}

		const badNumber = findBadNumber(parsed.flags);
		if (badNumber) {
			throw new UsageError(badNumber);
		}

		const mode = readMode(parsed.input);
		if (read.version) {
			parsed.showVersion();
		}

		checkFlags(mode, read.given, parsed.flags);
		return parsed;
	} catch (error) {
		const message = oneLine(error).replaceAll('`', '');
		const hint = message.includes('scoretop --help')
			? ''
			: '; see scoretop --help';
		process.stderr.write(`scoretop: ${message}${hint}\n`);
		process.exit(exitCodes.usage);
	}
}

/** The command picks the mode; anything after it is a mistake. */
function readMode(input: readonly string[]): Mode {
	const [command, ...rest] = input;
	if (command !== undefined && command !== 'stream' && command !== 'serve') {
		throw new UsageError(`unknown command "${command}"`);
	}

	if (rest.length > 0) {
		throw new UsageError(`unexpected argument "${rest[0]}"`);
	}

	return command ?? 'monitor';
}

type Flags = typeof cli.flags;

/** Picks the mode from the command and flags, then runs it. */
async function main(): Promise<void> {
	const [command] = cli.input;

	if (command === 'stream') {
		await runStreamServer({
			port: cli.flags.port ?? 8080,
			host: cli.flags.host,
			rate: cli.flags.rate,
			seed: cli.flags.seed,
			roster: cli.flags.roster,
			firehose: cli.flags.firehose,
		});
		return;
	}

	if (command === 'serve') {
		await runServeCommand(cli.flags);
		return;
	}

	if (cli.flags.export !== undefined) {
		await runExportCommand(cli.flags, cli.flags.export as FormatName);
		return;
	}

	if (cli.flags.view !== undefined || cli.flags.out !== undefined) {
		throw new UsageError(
			'--view and --out go with --export csv|json|ndjson; see scoretop --help',
		);
	}

	await runMonitor(cli.flags);
}

/**
 * Without --count or --duration an export reads the database as it is;
 * with either, it first captures from the stream, then exports.
 */
async function runExportCommand(
	options: Flags,
	format: FormatName,
): Promise<void> {
	const durationMs = parseDurationFlag(options.duration);
	const exportOptions = {
		format,
		view: (options.view ?? 'scores') as ViewName,
		out: options.out,
	};

	if (options.count === undefined && durationMs === undefined) {
		await runExport({...exportOptions, dbFile: databaseFile(options)});
		return;
	}

	const log = createLogger(options.logFile);
	await runCapture({
		resolved: await resolveSource(options),
		stallTimeoutMs: stallTimeout(options),
		count: options.count,
		durationMs,
		log: logBoth(log),
		export: exportOptions,
	});
}

/** The file an export reads: --db, or the default for --url or the built-in stream. */
function databaseFile(options: Flags): string {
	if (options.db !== undefined) {
		return options.db;
	}

	const source =
		options.url === undefined ? builtinSource : checkUrl(options.url);
	return defaultDatabasePath(source);
}

async function runServeCommand(options: Flags): Promise<void> {
	const log = createLogger(options.logFile);
	await runServe({
		resolved: await resolveSource(options),
		stallTimeoutMs: stallTimeout(options),
		port: options.port ?? 3000,
		host: options.host,
		log: logBoth(log),
	});
}

function logBoth(log: ReturnType<typeof createLogger>) {
	return (line: string) => {
		log.write(line);
		process.stderr.write(`${line}\n`);
	};
}

function parseDurationFlag(duration: string | undefined): number | undefined {
	return duration === undefined
		? undefined
		: parseDuration(duration, 'duration');
}

async function runMonitor(options: Flags): Promise<void> {
	const log = createLogger(options.logFile);
	const stallTimeoutMs = stallTimeout(options);
	const durationMs = parseDurationFlag(options.duration);

	// A capture that stops by itself has nothing to show in a UI.
	const interactive = process.stdout.isTTY && process.stdin.isTTY;
	const capture = options.count !== undefined || durationMs !== undefined;
	const headless = options.headless || capture || !interactive;
	if (!headless) {
		// Ink and React load only for the UI: headless runs start faster.
		// ui-process.js must run before React is first loaded (it picks the
		// production build); run-ui's own JSX import would load React first.
		await import('./modes/ui-process.js');
		const {runUi} = await import('./modes/run-ui.js');
		const {wantsColor} = await import('./theme.js');
		const resolved = await resolveSource(options);
		await runUi({
			resolved,
			color: wantsColor(options.color),
			ascii: options.ascii,
			stallTimeoutMs,
			log: log.write,
		});
		return;
	}

	if (
		process.stdout.isTTY &&
		!process.stdin.isTTY &&
		!options.headless &&
		!capture
	) {
		process.stderr.write(
			'scoretop: no terminal on stdin, so no UI (over SSH use ssh -t); recording headless\n',
		);
	}

	const resolved = await resolveSource(options);
	await runHeadless({
		resolved,
		stallTimeoutMs,
		count: options.count,
		durationMs,
		log: logBoth(log),
	});
}

function stallTimeout(options: Flags): number {
	return parseDuration(
		options.stallTimeout,
		'stall-timeout',
		stallTimeoutBounds,
	);
}

try {
	await main();
	process.exitCode = exitCodes.ok;
} catch (error) {
	const usage = error instanceof UsageError;
	const known =
		usage ||
		error instanceof RuntimeError ||
		(error as Error).name === 'StoreError';
	process.stderr.write(`scoretop: ${oneLine(error)}\n`);
	if (!known && process.env.SCORETOP_DEBUG) {
		process.stderr.write(`${(error as Error).stack ?? ''}\n`);
	}

	process.exitCode = usage ? exitCodes.usage : exitCodes.failure;
}

// A finished run must end even if a library left a socket open; the
// timer itself never keeps the process alive.
setTimeout(() => process.exit(), 2000).unref();
