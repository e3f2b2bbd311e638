import {spawnSync} from 'node:child_process';
import fs from 'node:fs';
import {describe, expect, it} from 'vitest';
import {tempDir} from '../helpers/temp-dir.js';
import {cliPath} from './run-cli.js';

/** Runs the built CLI in a fresh directory, with a data directory of its own. */
function runIn(directory: string, args: readonly string[]) {
	return spawnSync(process.execPath, [cliPath, ...args], {
		cwd: directory,
		encoding: 'utf8',
		timeout: 15_000,
		env: {...process.env, NO_COLOR: '1', XDG_DATA_HOME: directory},
	});
}

const refused: Array<[string[], string]> = [
	[['--duration', '1000h', '--export', 'csv'], '--duration can be at most 24d'],
	[['--stall-timeout', '1000h'], '--stall-timeout must be between 1s and 1h'],
	[['--stall-timeout', '500ms'], '--stall-timeout must be between 1s and 1h'],
	[['--db', ''], '--db needs a value'],
	[['--db'], '--db needs a value'],
	[['--out', '', '--export', 'csv'], '--out needs a value'],
	[['--log-file', ''], '--log-file needs a value'],
	[['--db', '/nonexistent/x.db'], 'there is no directory /nonexistent'],
	[['--export', 'csv', '--db', '.'], '--db . is a directory'],
	[['stream', '--port', '99999'], '--port takes a whole number from 1'],
	[['serve', '--port', '99999', '--db', 'y.db'], '--port takes a whole'],
	[['stream', '--rate', '0'], '--rate takes a number of events'],
	[['--roster', '0'], '--roster takes a whole number from 1 to 10000'],
	[['--roster', '100000'], '--roster takes a whole number from 1 to 10000'],
	[['--seed', '1.5'], '--seed takes a whole number'],
	[['--log-file', '/nonexistent/dir/d.log'], 'no directory /nonexistent/dir'],
	[['--log-file', '.'], '--log-file . is a directory'],
	[['--count', '-5'], '--count takes a whole number above zero'],
	[['--count', '1.5'], '--count takes a whole number above zero'],
	[['--duration', '-1s'], '--duration takes a duration'],
	[['--version', 'extra'], 'unknown command "extra"'],
	[['serve', 'extra'], 'unexpected argument "extra"'],
	[
		['--port', '3000'],
		'--port applies to stream and serve, not to the monitor',
	],
	[['stream', '--url', 'http://x'], '--url applies to the monitor and serve'],
	[['stream', '--export', 'csv'], '--export applies to the monitor, not to'],
	[['--url', 'http://x', '--rate', '5'], '--rate shapes the built-in stream'],
	[
		['--url', 'http://user:secret@127.0.0.1:9/', '--headless'],
		'--url may not hold a user name or password',
	],
	[['--export', 'csv', '--db', 'a.db', '--out', 'a.db'], '--out a.db is a'],
	[['--export', 'csv', '--db', 'a.db', '--out', 'a.db-wal'], '--out a.db-wal'],
	[['--headless', '--db', 'a.db', '--log-file', 'a.db'], '--log-file a.db'],
	[
		['serve', '--url', 'http://x', '--firehose'],
		'--firehose shapes the built-in',
	],
];

describe('usage errors', () => {
	it.each(refused)(
		'refuses %j in one line with exit 2, creating nothing',
		(args, message) => {
			const directory = tempDir();
			const result = runIn(directory, args);

			expect(result.stderr).toContain(message);
			expect(result.status).toBe(2);
			expect(result.stderr.trim().split('\n')).toHaveLength(1);
			expect(result.stderr).not.toMatch(/\bat .*\.js:\d+|Warning/);
			expect(fs.readdirSync(directory)).toEqual([]);
		},
	);

	it('never writes an export or a log over an existing database', () => {
		const directory = tempDir();
		const other = `${directory}/other.db`;
		fs.writeFileSync(other, 'SQLite format 3\0 and the rest of a file');
		const before = fs.readFileSync(other);

		const exported = runIn(directory, ['--export', 'csv', '--out', other]);
		const logged = runIn(directory, ['--headless', '--log-file', other]);

		expect(exported.status).toBe(2);
		expect(exported.stderr).toContain(`--out ${other} is a scoretop database`);
		expect(logged.status).toBe(2);
		expect(fs.readFileSync(other)).toEqual(before);
	});

	it('still prints the version alone', () => {
		const result = runIn(tempDir(), ['--version']);
		expect(result.status).toBe(0);
		expect(result.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
	});
});
