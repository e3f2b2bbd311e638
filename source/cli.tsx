#!/usr/bin/env node
import meow from 'meow';
import {findBadNumber, findUnknownFlag, flags, helpText} from './cli-flags.js';
import {parseDuration} from './duration.js';
import {exitCodes, oneLine, RuntimeError, UsageError} from './errors.js';
import {createLogger} from './logger.js';
import {runHeadless} from './modes/run-headless.js';
import {runUi} from './modes/run-ui.js';
import {resolveSource} from './resolve-source.js';
import {runStreamServer} from './stream/stream-server-cli.js';
import {wantsColor} from './theme.js';

const unknownFlag = findUnknownFlag(process.argv.slice(2));
if (unknownFlag) {
	process.stderr.write(
		`scoretop: unknown flag ${unknownFlag}; see scoretop --help\n`,
	);
	process.exit(exitCodes.usage);
}

const cli = parseFlags();

/** meow throws on a bad flag value; that is a usage error like any other. */
function parseFlags() {
	try {
		const parsed = meow(helpText, {importMeta: import.meta, flags});
		const argv = process.argv.slice(2);
		if (argv.includes('--help') || argv.includes('-h')) {
			parsed.showHelp(exitCodes.ok);
		}

		const badNumber = findBadNumber(parsed.flags);
		if (badNumber) {
			throw new Error(badNumber);
		}

		return parsed;
	} catch (error) {
		const message = oneLine(error).replaceAll('`', '');
		process.stderr.write(`scoretop: ${message}; see scoretop --help\n`);
		process.exit(exitCodes.usage);
	}
}

type Flags = typeof cli.flags;

/** Picks the mode from the command and flags, then runs it. */
async function main(): Promise<void> {
	const [command, ...rest] = cli.input;
	if (rest.length > 0) {
		throw new UsageError(
			`unexpected argument "${rest[0]}"; see scoretop --help`,
		);
	}

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

	if (command !== undefined) {
		throw new UsageError(`unknown command "${command}"; see scoretop --help`);
	}

	await runMonitor(cli.flags);
}

async function runMonitor(options: Flags): Promise<void> {
	const log = createLogger(options.logFile);
	const stallTimeoutMs = parseDuration(options.stallTimeout, 'stall-timeout');
	const durationMs =
		options.duration === undefined
			? undefined
			: parseDuration(options.duration, 'duration');
	checkCount(options.count);

	const interactive = process.stdout.isTTY && process.stdin.isTTY;
	const headless = options.headless || !interactive;
	if (!headless) {
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

	if (process.stdout.isTTY && !process.stdin.isTTY && !options.headless) {
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
		log: (line) => {
			log.write(line);
			process.stderr.write(`${line}\n`);
		},
	});
}

function checkCount(count: number | undefined): void {
	if (count !== undefined && (!Number.isSafeInteger(count) || count <= 0)) {
		throw new UsageError('--count takes a whole number above zero');
	}
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
