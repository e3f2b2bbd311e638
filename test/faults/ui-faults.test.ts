import {execFileSync, spawnSync} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import {afterEach, describe, expect, it} from 'vitest';
import {
	startStreamServer,
	type StreamServer,
} from '../../source/stream/stream-server.js';
import {tempDb, tempDir} from '../helpers/temp-dir.js';
import {waitFor} from '../helpers/wait-for.js';
import {readStore} from '../stream/ingest-harness.js';

/**
 * The built CLI's UI in a real 80x24 terminal (tmux on a private socket):
 * a signal or a failing worker must end it with the terminal restored and
 * the database sound. The pane's shell prints the exit code and stays.
 */
const cli = new URL('../../dist/cli.js', import.meta.url).pathname;
const hasTmux = spawnSync('tmux', ['-V']).status === 0;
const socket = `scoretop-ui-faults-${process.pid}`;

let server: StreamServer | undefined;
const mounts: string[] = [];

afterEach(async () => {
	tmux('kill-server');
	await server?.close();
	server = undefined;
	for (const mount of mounts.splice(0)) {
		execFileSync('umount', ['-l', mount]);
	}
});

function tmux(...args: string[]): string {
	const result = spawnSync('tmux', ['-L', socket, ...args], {
		encoding: 'utf8',
		timeout: 10_000,
	});
	return result.stdout ?? '';
}

const screen = () => tmux('capture-pane', '-p', '-J', '-t', 'ui');
const paneFlag = (name: string) =>
	tmux('display-message', '-p', '-t', 'ui', `#{${name}}`).trim();

async function waitForScreen(pattern: RegExp, what: string): Promise<string> {
	return waitFor(
		() => {
			const text = screen();
			return pattern.test(text) && text;
		},
		{timeoutMs: 20_000, intervalMs: 100, what},
	);
}

function startUi(args: string[]): void {
	const command = [process.execPath, cli, ...args]
		.map((word) => `'${word}'`)
		.join(' ');
	tmux(
		'new-session',
		'-d',
		'-s',
		'ui',
		'-x',
		'80',
		'-y',
		'24',
		`sh -c "${command}; echo EXIT=\\$?; exec sleep 600"`,
	);
}

/** The CLI's process: the one child of the pane's shell. */
function cliPid(): number {
	const shell = paneFlag('pane_pid');
	const children = spawnSync('ps', ['-o', 'pid=', '--ppid', shell], {
		encoding: 'utf8',
	}).stdout.trim();
	const pid = Number(children);
	if (!Number.isInteger(pid) || pid <= 0) {
		throw new Error(`not one child under the pane's shell: ${children}`);
	}

	return pid;
}

function integrity(dbFile: string): string {
	const db = new BetterSqlite3(dbFile, {readonly: true});
	try {
		return db.pragma('integrity_check', {simple: true}) as string;
	} finally {
		db.close();
	}
}

/** Left the alternate screen, cursor shown, the shell's line on screen. */
function expectRestored(text: string, exitLine: string): void {
	expect(paneFlag('alternate_on')).toBe('0');
	expect(paneFlag('cursor_flag')).toBe('1');
	expect(text).toContain(exitLine);
	expect(text).not.toMatch(/scores \d/);
}

// CI installs tmux; without it there is no terminal to drive.
describe.skipIf(!hasTmux)('the UI in a real terminal, through faults', () => {
	it.each(['SIGTERM', 'SIGHUP', 'SIGINT'] as const)(
		'on %s commits, restores the terminal and exits 0',
		async (signal) => {
			server = await startStreamServer({rate: 500, keepAliveMs: 0});
			const dbFile = tempDb();
			startUi(['--url', server.url, '--db', dbFile]);
			const before = await waitForScreen(/scores [1-9]/, 'scores on screen');
			const shown = Number(
				/scores ([\d,]+)/.exec(before)![1]!.replace(/,/g, ''),
			);

			// What the checks below must see undone.
			expect(paneFlag('alternate_on')).toBe('1');
			expect(paneFlag('cursor_flag')).toBe('0');
			process.kill(cliPid(), signal);
			const after = await waitForScreen(/EXIT=\d+/, 'the exit line');

			expectRestored(after, 'EXIT=0');
			expect(integrity(dbFile)).toBe('ok');
			const {scores, lastEventId} = readStore(dbFile);
			expect(scores.length).toBeGreaterThanOrEqual(shown);
			expect(scores.map((score) => score.eventId)).toEqual(
				scores.map((_, index) => String(index + 1)),
			);
			expect(lastEventId).toBe(String(scores.length));
		},
	);

	it.skipIf(!canMount())(
		'shows a failure in the worker, restores the terminal and exits 1',
		async () => {
			const disk = smallDisk('1m');
			server = await startStreamServer({firehose: true, keepAliveMs: 0});
			const dbFile = path.join(disk, 'scores.db');
			startUi(['--url', server.url, '--db', dbFile]);

			const after = await waitForScreen(/EXIT=\d+/, 'the exit line');

			expectRestored(after, 'EXIT=1');
			expect(after).toContain(
				`scoretop: disk full while writing ${dbFile}: free space, then run`,
			);
			const moved = path.join(tempDir(), 'scores.db');
			for (const suffix of ['', '-wal']) {
				if (fs.existsSync(dbFile + suffix)) {
					fs.copyFileSync(dbFile + suffix, moved + suffix);
				}
			}

			expect(integrity(moved)).toBe('ok');
			expect(readStore(moved).scores.length).toBeGreaterThan(0);
		},
	);
});

/** Mounting needs root (or CAP_SYS_ADMIN): without it the disk test skips. */
function canMount(): boolean {
	try {
		const probe = smallDisk('64k');
		execFileSync('umount', [probe]);
		mounts.splice(mounts.indexOf(probe), 1);
		return true;
	} catch {
		return false;
	}
}

function smallDisk(size: string): string {
	const directory = tempDir();
	execFileSync(
		'mount',
		['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', directory],
		{stdio: 'ignore'},
	);
	mounts.push(directory);
	return directory;
}
