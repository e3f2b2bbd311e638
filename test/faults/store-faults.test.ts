import {execFileSync} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import {afterEach, describe, expect, it} from 'vitest';
import {
	startStreamServer,
	type StreamServer,
} from '../../source/stream/stream-server.js';
import {runCli, startCli} from '../cli/run-cli.js';
import {tempDb, tempDir} from '../helpers/temp-dir.js';
import {
	readStore,
	startIngest,
	waitForCounts,
	type Ingest,
} from '../stream/ingest-harness.js';

let server: StreamServer | undefined;
let ingest: Ingest | undefined;
const mounts: string[] = [];

afterEach(async () => {
	await ingest?.client.stop();
	await server?.close();
	ingest = undefined;
	server = undefined;
	for (const mount of mounts.splice(0)) {
		execFileSync('umount', [mount]);
	}
});

/** A tiny filesystem of its own; undefined where mounting is not allowed. */
function smallDisk(size: string): string | undefined {
	const directory = tempDir();
	try {
		execFileSync(
			'mount',
			['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', directory],
			{
				stdio: 'ignore',
			},
		);
	} catch {
		return undefined;
	}

	mounts.push(directory);
	return directory;
}

// Mounting needs root (or CAP_SYS_ADMIN); elsewhere these two tests skip.
const canMount = (() => {
	const probe = smallDisk('64k');
	if (probe) {
		execFileSync('umount', [probe]);
		mounts.pop();
	}

	return probe !== undefined;
})();

/** Copies a database and its log to a disk with room, as a user would. */
function copyOut(dbFile: string): string {
	const moved = path.join(tempDir(), 'scores.db');
	for (const suffix of ['', '-wal']) {
		if (fs.existsSync(dbFile + suffix)) {
			fs.copyFileSync(dbFile + suffix, moved + suffix);
		}
	}

	return moved;
}

function integrity(dbFile: string): string {
	const db = new BetterSqlite3(dbFile, {readonly: true});
	try {
		return db.pragma('integrity_check', {simple: true}) as string;
	} finally {
		db.close();
	}
}

/** The stored event ids, which must run 1..n with no gap. */
function storedIds(dbFile: string): number[] {
	return readStore(dbFile).scores.map((score) => Number(score.eventId));
}

describe('store faults', () => {
	it('refuses a second writer on the same file in one line, while an export may read', async () => {
		server = await startStreamServer({rate: 2000, keepAliveMs: 0});
		const dbFile = tempDb();
		ingest = startIngest({url: server.url, dbFile});
		await waitForCounts(ingest, {stored: 100}, 'the first writer');

		const second = startCli([
			'--url',
			server.url,
			'--db',
			dbFile,
			'--headless',
		]);
		const {code} = await second.exited;
		const exported = runCli([
			'--db',
			dbFile,
			'--export',
			'json',
			'--view',
			'exams',
		]);

		expect(code).toBe(1);
		expect(second.stderr()).toBe(
			`scoretop: another scoretop is already recording into ${dbFile}: stop it or pass another --db (--export may read it meanwhile)\n`,
		);
		expect(exported.status).toBe(0);
		expect(ingest.messages.some((message) => message.type === 'failed')).toBe(
			false,
		);
	});

	it('gives up on a file another program keeps locked, in one line', async () => {
		server = await startStreamServer({rate: 1000, keepAliveMs: 0});
		const dbFile = tempDb();
		ingest = startIngest({url: server.url, dbFile});
		await waitForCounts(ingest, {stored: 10}, 'a first commit');
		await ingest.client.stop();
		ingest = undefined;

		const holder = new BetterSqlite3(dbFile);
		holder.exec('BEGIN IMMEDIATE');
		try {
			const run = startCli(['--url', server.url, '--db', dbFile, '--headless']);
			expect((await run.exited).code).toBe(1);
			expect(run.stderr().split('\n').at(-2)).toBe(
				`scoretop: ${dbFile} is locked by another program: close it or pass another --db`,
			);
		} finally {
			holder.exec('ROLLBACK');
			holder.close();
		}

		expect(integrity(dbFile)).toBe('ok');
	});

	it.skipIf(!canMount)(
		'stops with one line when the disk fills, and leaves a sound file',
		async () => {
			const disk = smallDisk('1m')!;
			server = await startStreamServer({firehose: true, keepAliveMs: 0});
			const dbFile = path.join(disk, 'scores.db');

			const run = startCli(['--url', server.url, '--db', dbFile, '--headless']);
			const {code} = await run.exited;

			expect(code).toBe(1);
			expect(run.stderr()).toContain(
				`scoretop: disk full while writing ${dbFile}: free space, then run again\n`,
			);
			// Room freed: the user moves the file elsewhere and opens it.
			const moved = copyOut(dbFile);

			expect(integrity(moved)).toBe('ok');
			const ids = storedIds(moved);
			expect(ids.length).toBeGreaterThan(0);
			expect(ids).toEqual(ids.map((_, index) => index + 1));
		},
	);

	it.skipIf(!canMount)(
		'says in one line that a read-only file cannot be written',
		async () => {
			const disk = smallDisk('4m')!;
			server = await startStreamServer({rate: 1000, keepAliveMs: 0});
			const dbFile = path.join(disk, 'scores.db');
			ingest = startIngest({url: server.url, dbFile});
			await waitForCounts(ingest, {stored: 10}, 'a first commit');
			await ingest.client.stop();
			ingest = undefined;
			execFileSync('mount', ['-o', 'remount,ro', disk]);

			const run = startCli(['--url', server.url, '--db', dbFile, '--headless']);

			expect((await run.exited).code).toBe(1);
			expect(run.stderr()).toBe(
				`scoretop: ${dbFile} is read-only: pass a writable --db\n`,
			);
			expect(integrity(copyOut(dbFile))).toBe('ok');
		},
	);
});
