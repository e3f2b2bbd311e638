import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {parseArgs} from 'node:util';
import {openReader} from '../store/database.js';
import {Queries} from '../store/queries.js';
import {IngestClient} from '../stream/ingest-client.js';
import type {Counters} from '../stream/messages.js';
import {createScoreGenerator} from '../stream/score-generator.js';
import {startSoakServer, type SoakLedger} from './soak-server.js';

/**
 * Streams through repeated faults for a while (10 minutes by default),
 * then checks that the database holds exactly what the server sent and
 * that memory stayed flat. Not part of the test suite: `npm run soak`.
 */
const {values} = parseArgs({
	options: {
		minutes: {type: 'string', default: '10'},
		rate: {type: 'string', default: '2000'},
	},
});
const minutes = Number(values.minutes);
const rate = Number(values.rate);
const log = (line: string) => process.stderr.write(`soak: ${line}\n`);

const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'scoretop-soak-'));
const dbFile = path.join(directory, 'soak.db');
const server = await startSoakServer(rate);
const client = new IngestClient({
	url: server.url,
	source: server.url,
	dbFile,
	stallTimeoutMs: 1000,
});

let counters: Counters | undefined;
let reconnects = 0;
let lastKind = '';
let failure: string | undefined;
client.on('message', (message) => {
	if (message.type === 'failed') {
		failure = message.message;
		return;
	}

	counters = message.counters;
	if (message.type === 'update') {
		const {kind} = message.state;
		reconnects += kind === 'reconnecting' && lastKind !== kind ? 1 : 0;
		lastKind = kind;
	}
});

const rss: number[] = [];
const started = Date.now();
const sampler = setInterval(() => {
	rss.push(process.memoryUsage().rss);
	if (rss.length % 6 === 0) {
		log(`${progress()}, rss ${megabytes(rss.at(-1)!)} MB`);
	}
}, 5000);

await until(() => Date.now() - started >= minutes * 60_000, minutes * 60_000);
server.quiesce();
const settled = await until(
	() => counters?.stored === server.ledger.validIds.size,
	60_000,
);
clearInterval(sampler);
await client.stop();
await server.close();

const problems = verify(server.ledger, settled);
report(problems);
fs.rmSync(directory, {recursive: true, force: true});
process.exitCode = problems.length === 0 ? 0 : 1;

function verify(ledger: SoakLedger, caughtUp: boolean): string[] {
	const problems: string[] = [];
	if (failure) {
		problems.push(`the worker failed: ${failure}`);
	}

	if (!caughtUp) {
		problems.push('the client never caught up with the server');
	}

	const db = openReader(dbFile);
	const queries = new Queries(db);
	const stored = queries.recent(Number.MAX_SAFE_INTEGER);
	const rejectIds = new Set(
		queries.rejects(0, Number.MAX_SAFE_INTEGER).map((row) => row.eventId),
	);
	db.close();

	const generator = createScoreGenerator({seed: 11, rosterSize: 50});
	const seen = new Set<number>();
	for (const score of stored) {
		const id = Number(score.eventId);
		const sent = generator.eventAt(id);
		if (seen.has(id)) {
			problems.push(`event ${id} stored twice`);
		} else if (
			!ledger.validIds.has(id) ||
			sent.studentId !== score.studentId ||
			sent.exam !== score.exam ||
			sent.score !== score.score
		) {
			problems.push(`event ${id} stored differently from what was sent`);
		}

		seen.add(id);
	}

	if (seen.size !== ledger.validIds.size) {
		problems.push(
			`${ledger.validIds.size - seen.size} events sent, not stored`,
		);
	}

	for (const id of ledger.badIds) {
		if (!rejectIds.has(String(id))) {
			problems.push(`bad payload ${id} not kept as a reject`);
		}
	}

	return problems.slice(0, 20);
}

function report(problems: string[]): void {
	const warm = rss[Math.floor(rss.length / 4)] ?? rss[0] ?? 0;
	const end = rss.at(-1) ?? 0;
	const peak = Math.max(...rss);
	const {faults} = server.ledger;
	const lines = [
		`minutes ${minutes}, rate ${rate}/s`,
		progress(),
		`faults: ${Object.entries(faults)
			.map(([name, count]) => `${name} ${count}`)
			.join(', ')}; reconnects ${reconnects}`,
		`rss MB: after warm-up ${megabytes(warm)}, peak ${megabytes(peak)}, end ${megabytes(end)}` +
			` (${end <= warm * 1.25 ? 'flat' : 'GREW'})`,
		problems.length === 0
			? 'database equals what the server sent: ok'
			: `MISMATCH:\n  ${problems.join('\n  ')}`,
	];
	process.stdout.write(`${lines.join('\n')}\n`);
}

function progress(): string {
	const c = counters;
	if (!c) {
		return 'no counters yet';
	}

	return `stored ${c.stored}, duplicates ${c.duplicates}, rejects ${c.rejected}, ignored ${c.ignored}`;
}

function megabytes(bytes: number): string {
	return (bytes / 1024 / 1024).toFixed(1);
}

async function until(check: () => boolean, timeoutMs: number) {
	const deadline = Date.now() + timeoutMs;
	while (!check()) {
		if (Date.now() > deadline) {
			return false;
		}

		await new Promise((resolve) => {
			setTimeout(resolve, 200);
		});
	}

	return true;
}
