import {spawnSync} from 'node:child_process';
import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';

const cli = new URL('../../dist/cli.js', import.meta.url).pathname;

function run(...args: string[]) {
	return spawnSync(process.execPath, [cli, ...args], {
		encoding: 'utf8',
		timeout: 15_000,
	});
}

describe('the built CLI', () => {
	it('prints help with exit 0', () => {
		const result = run('--help');
		expect(result.status).toBe(0);
		expect(result.stdout).toContain('Usage');
		expect(result.stdout).toContain('--export FORMAT');
	});

	it('prints the package version', () => {
		const {version} = JSON.parse(
			readFileSync(new URL('../../package.json', import.meta.url), 'utf8'),
		) as {
			version: string;
		};
		const result = run('--version');
		expect(result.status).toBe(0);
		expect(result.stdout.trim()).toBe(version);
	});

	it.each([
		[['--bogus'], 'unknown flag --bogus'],
		[['--export', 'xml'], 'Unknown value for flag --export'],
		[['--count', 'abc'], '--count takes a number'],
		[['--stall-timeout', 'soon'], '--stall-timeout takes a duration'],
		[['--url', 'not a url'], 'is not a URL'],
		[['frobnicate'], 'unknown command "frobnicate"'],
	])('refuses %j with one line and exit 2', (args, message) => {
		const result = run(...args);
		expect(result.status).toBe(2);
		expect(result.stderr).toContain(message);
		expect(result.stderr.trim().split('\n')).toHaveLength(1);
		expect(result.stderr).not.toMatch(/\bat .*\.js:\d+/);
	});
});
