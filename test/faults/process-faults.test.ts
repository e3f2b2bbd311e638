import BetterSqlite3 from 'better-sqlite3';
import {afterEach, describe, expect, it} from 'vitest';
import {openReader} from '../../source/store/database.js';
import {Queries} from '../../source/store/queries.js';
import {createScoreGenerator} from '../../source/stream/score-generator.js';
import {
	defaultRosterSize,
	defaultSeed,
	startStreamServer,
	type StreamServer,
} from '../../source/stream/stream-server.js';
import {startCli, type RunningCli} from '../cli/run-cli.js';
import {storedScores} from '../helpers/stored-scores.js';
import {tempDb} from '../helpers/temp-dir.js';
import {waitFor} from '../helpers/wait-for.js';
import {readStore} from '../stream/ingest-harness.js';

let server: StreamServer | undefined;
let running: RunningCli | undefined;

afterEach(async () => {
	running?.child.kill('SIGKILL');
	await running?.exited;
	await server?.close();
	running = undefined;
	server = undefined;
});

function integrity(dbFile: string): string {
	const db = new BetterSqlite3(dbFile);
	try {
		return db.pragma('integrity_check', {simple: true}) as string;
	} finally {
		db.close();
	}
}

/** The stored scores must be exactly events 1..n of the built-in stream. */
function expectEventsOneTo(dbFile: string): number {
	const {scores, lastEventId} = readStore(dbFile);
	const generator = createScoreGenerator({
		seed: defaultSeed,
		rosterSize: defaultRosterSize,
	});
	const wanted = scores.map((_, index) => ({
		...generator.eventAt(index + 1),
		eventId: String(index + 1),
	}));
	expect(scores).toEqual(wanted);
	expect(lastEventId).toBe(String(scores.length));
	return scores.length;
}

describe('process faults', () => {
	it('survives kill -9 in a firehose: a sound file, every committed batch, and a clean resume', async () => {
		server = await startStreamServer({firehose: true, keepAliveMs: 0});
		const dbFile = tempDb();
		running = startCli(['--url', server.url, '--db', dbFile, '--headless']);
		await waitFor(() => storedScores(dbFile) >= 20_000, {
			what: '20,000 committed scores',
			timeoutMs: 20_000,
		});

		running.child.kill('SIGKILL');
		expect((await running.exited).signal).toBe('SIGKILL');
		running = undefined;

		expect(integrity(dbFile)).toBe('ok');
		const kept = expectEventsOneTo(dbFile);
		expect(kept).toBeGreaterThanOrEqual(20_000);

		const more = kept + 5000;
		running = startCli([
			'--url',
			server.url,
			'--db',
			dbFile,
			'--headless',
			'--count',
			String(more),
		]);
		expect((await running.exited).code).toBe(0);
		running = undefined;
		expect(expectEventsOneTo(dbFile)).toBeGreaterThanOrEqual(more);
	});

	it.each(['SIGINT', 'SIGTERM', 'SIGHUP'] as const)(
		'commits, closes and exits 0 on %s',
		async (signal) => {
			server = await startStreamServer({rate: 2000, keepAliveMs: 0});
			const dbFile = tempDb();
			running = startCli(['--url', server.url, '--db', dbFile, '--headless']);
			await waitFor(() => storedScores(dbFile) >= 200, {what: '200 scores'});

			running.child.kill(signal);
			const {code} = await running.exited;

			expect(code).toBe(0);
			const summary = /stopped; (\d+) scores/.exec(running.stderr());
			expect(Number(summary?.[1])).toBe(expectEventsOneTo(dbFile));
			running = undefined;
		},
	);
});
