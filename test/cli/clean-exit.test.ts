import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import {describe, expect, it} from 'vitest';
import {tempDir} from '../helpers/temp-dir.js';
import {waitFor} from '../helpers/wait-for.js';
import {runCliAsync, startCli} from './run-cli.js';

/** What SQLite left beside the database: nothing once the last close was clean. */
function leftovers(file: string): string[] {
	return ['-wal', '-shm'].filter((suffix) => fs.existsSync(file + suffix));
}

function integrity(file: string): string {
	const db = new BetterSqlite3(file, {readonly: true});
	try {
		return db.pragma('integrity_check', {simple: true}) as string;
	} finally {
		db.close();
	}
}

describe('runs that end leave no WAL behind', () => {
	it('a --duration capture of the built-in stream', async () => {
		const directory = tempDir();
		const file = path.join(directory, 'demo.db');
		const result = await runCliAsync(
			[
				...['--duration', '1s', '--rate', '200', '--roster', '5'],
				...['--export', 'json', '--view', 'students', '--db', file],
			],
			directory,
		);

		expect(result.stderr).toContain('stopped;');
		expect(result.status).toBe(0);
		// --roster drives the built-in stream.
		expect(JSON.parse(result.stdout)).toHaveLength(5);
		expect(leftovers(file)).toEqual([]);
	});

	it('serve stopped by SIGTERM after ingesting', async () => {
		const directory = tempDir();
		const file = path.join(directory, 'x.db');
		const running = startCli(
			['serve', '--port', '0', '--rate', '2000', '--db', file],
			directory,
		);

		const base = await waitFor(
			() => /serving (http:\/\/127\.0\.0\.1:\d+)/.exec(running.stderr())?.[1],
			{what: 'the serving line'},
		);
		await waitFor(
			async () => {
				const response = await fetch(`${base}/health`);
				const body = (await response.json()) as {scores: number};
				return body.scores >= 500;
			},
			{what: '500 scores in /health'},
		);
		running.child.kill('SIGTERM');

		expect((await running.exited).code).toBe(0);
		expect(leftovers(file)).toEqual([]);
		expect(integrity(file)).toBe('ok');
	});

	it('serve that cannot listen on a busy port', async () => {
		const directory = tempDir();
		const file = path.join(directory, 'p.db');
		const busy = net.createServer();
		await new Promise<void>((resolve) => {
			busy.listen(0, '127.0.0.1', resolve);
		});
		const {port} = busy.address() as net.AddressInfo;

		try {
			const result = await runCliAsync(
				['serve', '--port', String(port), '--rate', '100', '--db', file],
				directory,
			);
			expect(result.stderr).toContain(`cannot listen on 127.0.0.1:${port}`);
			expect(result.status).toBe(1);
			expect(leftovers(file)).toEqual([]);
		} finally {
			busy.close();
		}
	});
});

describe('a URL that can never work', () => {
	it('stops at once on a port that fetch refuses', async () => {
		const directory = tempDir();
		const result = await runCliAsync(
			[
				...['--headless', '--url', 'http://127.0.0.1:1/x'],
				...['--db', path.join(directory, 'b.db')],
			],
			directory,
		);

		expect(result.stderr).toContain(
			"port 1 is blocked by Node's fetch; use another port",
		);
		expect(result.stderr).not.toContain('reconnecting');
		expect(result.status).toBe(1);
	});
});
