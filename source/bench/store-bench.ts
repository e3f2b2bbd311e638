import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {openReader, openWriter} from '../store/database.js';
import {Queries} from '../store/queries.js';
import type {ScoreRecord} from '../store/records.js';
import {columnsOf} from '../store/score-columns.js';
import {ScoreWriter} from '../store/score-writer.js';
import type {BenchRow} from './bench-table.js';
import {naiveRate, obviousDesign, type Baseline} from './store-baselines.js';
import {benchScores, type BenchShape} from './store-data.js';

export type StoreBenchOptions = {
	scores: number;
	students: number;
	batchSize?: number;
	log?: (line: string) => void;
};

export const storeSizes = {
	quick: {scores: 200_000, students: 5000},
	full: {scores: 5_000_000, students: 50_000},
};

const group = 'store';

/** The worst case and the obvious design run on at most this many scores. */
const sideScores = 1_000_000;

/** Builds a store from generated data, then times every query on it. */
export async function runStoreBench(
	options: StoreBenchOptions,
): Promise<BenchRow[]> {
	const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'scoretop-bench-'));
	const log = options.log ?? (() => undefined);
	const file = (name: string) => path.join(directory, name);
	try {
		const baseline = naiveRate(file('naive.db'));
		log(`one transaction per insert: ${Math.round(baseline)} scores/s`);
		const side = Math.min(options.scores, sideScores);
		const worst = ingest(
			file('worst.db'),
			{...options, scores: side},
			'uniform',
		);
		log(`worst case: ${Math.round(worst.rate)} scores/s`);
		fs.rmSync(file('worst.db'));
		const obvious = obviousDesign(file('obvious.db'), side, options.students);
		log(`obvious design: ${Math.round(obvious.rate)} scores/s`);
		fs.rmSync(file('obvious.db'));
		const stream = ingest(file('store.db'), options, 'stream', log);

		return [
			...ingestRows(options, stream, worst, baseline, side),
			...obviousRows(obvious, stream, side),
			...stream.rss,
			...timeQueries(file('store.db'), options.students),
		];
	} finally {
		fs.rmSync(directory, {recursive: true, force: true});
	}
}

type Ingested = {rate: number; bytesPerScore: number; rss: BenchRow[]};

function ingest(
	file: string,
	options: StoreBenchOptions,
	shape: BenchShape,
	log: (line: string) => void = () => undefined,
): Ingested {
	const db = openWriter(file, 'http://127.0.0.1:1/bench');
	const writer = new ScoreWriter(db);
	const batchSize = options.batchSize ?? 4000;
	const rss: BenchRow[] = [];
	let batch: ScoreRecord[] = [];
	let stored = 0;
	let busyMs = 0;
	let nextMark = 1_000_000;

	const commit = () => {
		// Columns are what the reading thread hands the writer.
		const scores = columnsOf(batch);
		const started = performance.now();
		stored += writer.writeColumns({scores, rejects: []}).stored;
		busyMs += performance.now() - started;
		batch = [];
		if (stored >= nextMark) {
			noteRss();
			nextMark += 1_000_000;
		}
	};

	// The JavaScript heap grows and shrinks with the collector's mood; what
	// lies outside it (SQLite's cache, the WAL) is what must stay flat.
	const noteRss = () => {
		const memory = process.memoryUsage();
		const mib = memory.rss / 2 ** 20;
		const native = (memory.rss - memory.heapTotal) / 2 ** 20;
		const wal = fs.statSync(`${file}-wal`).size / 2 ** 20;
		const at = `at ${count(stored)} scores`;
		log(
			`${stored} scores stored, rss ${mib.toFixed(0)} MiB, outside the heap ${native.toFixed(0)} MiB, wal ${wal.toFixed(1)} MiB`,
		);
		rss.push(
			row(`writer rss ${at}`, mib, 'MiB'),
			row(`writer rss outside the JS heap ${at}`, native, 'MiB'),
			row(`writer wal file ${at}`, wal, 'MiB'),
		);
	};

	// Times start now, as a live stream's do: a file stores them after the
	// moment it was created, in 3 or 4 bytes, and a time base years away
	// from the data would cost 6.
	const scores = benchScores(
		options.scores,
		options.students,
		shape,
		Date.now(),
	);
	for (const score of scores) {
		batch.push(score);
		if (batch.length >= batchSize) {
			commit();
		}
	}

	commit();
	if (rss.length === 0 || stored % 1_000_000 !== 0) {
		noteRss();
	}

	db.pragma('wal_checkpoint(TRUNCATE)');
	db.close();

	const bytesPerScore = fs.statSync(file).size / stored;
	return {rate: (stored / busyMs) * 1000, bytesPerScore, rss};
}

function ingestRows(
	options: StoreBenchOptions,
	stream: Ingested,
	worst: Ingested,
	baseline: number,
	side: number,
): BenchRow[] {
	const batchSize = options.batchSize ?? 4000;
	const speedUp = stream.rate / baseline;
	return [
		row(
			`ingest, stream-shaped, batches of ${batchSize}`,
			stream.rate,
			'scores/s',
			'>= 150000',
			stream.rate >= 150_000,
		),
		row(
			`ingest, worst case: random student a score (${count(side)})`,
			worst.rate,
			'scores/s',
			'>= 150000',
			worst.rate >= 150_000,
		),
		row('one insert per transaction', baseline, 'scores/s'),
		row('ingest speed-up', speedUp, 'x', '>= 100', speedUp >= 100),
		row(
			'file size',
			stream.bytesPerScore,
			'B/score',
			'< 50',
			stream.bytesPerScore < 50,
		),
		row(
			`file size, worst case (${count(side)})`,
			worst.bytesPerScore,
			'B/score',
		),
	];
}

/** The obvious design next to the store, as ratios (store / obvious). */
function obviousRows(
	obvious: Baseline,
	stream: Ingested,
	side: number,
): BenchRow[] {
	const at = `obvious design (${count(side)})`;
	return [
		row(`${at}: ingest`, obvious.rate, 'scores/s'),
		row(`${at}: file size`, obvious.bytesPerScore, 'B/score'),
		row(`${at}: students by average`, obvious.studentsByAverageMs, 'ms'),
		row('store / obvious: ingest', stream.rate / obvious.rate, 'x'),
		row(
			'store / obvious: file size',
			stream.bytesPerScore / obvious.bytesPerScore,
			'x',
		),
	];
}

function count(scores: number): string {
	return scores >= 1_000_000
		? `${(scores / 1_000_000).toFixed(1)}M`
		: `${Math.round(scores / 1000)}k`;
}

function timeQueries(file: string, students: number): BenchRow[] {
	const reader = openReader(file);
	const queries = new Queries(reader);
	const exams = queries.exams(0, 1_000_000).rows.map((exam) => exam.exam);
	const pick = <T>(items: readonly T[], n: number): T =>
		items[(n * 7919) % items.length]!;
	const student = (n: number) => `Student.${(n * 7919) % students}`;

	const cases: Array<[string, number, (n: number) => unknown]> = [
		['students page by id', 5, (n) => queries.students({offset: n * 100})],
		[
			'students page by average',
			5,
			(n) =>
				queries.students({sort: 'average', descending: true, offset: n * 10}),
		],
		[
			'students page by count',
			5,
			(n) => queries.students({sort: 'count', offset: n * 10}),
		],
		[
			'students page by count, most first',
			5,
			(n) =>
				queries.students({sort: 'count', descending: true, offset: n * 10}),
		],
		[
			'students page by last seen',
			5,
			(n) =>
				queries.students({sort: 'lastSeen', descending: true, offset: n * 10}),
		],
		[
			'students filtered',
			5,
			(n) => queries.students({filter: `t.${n % 100}1`}),
		],
		['student summary', 1, (n) => queries.student(student(n), 0)],
		[
			'student results page',
			5,
			(n) => queries.studentResults(student(n), 0, 100),
		],
		['exams page', 5, (n) => queries.exams((n * 100) % exams.length)],
		['exam summary', 1, (n) => queries.exam(pick(exams, n), 0)],
		[
			'exam results page',
			5,
			(n) => queries.examResults(pick(exams, n), 0, 100),
		],
		[
			'leaderboard top and bottom 100',
			5,
			() => [
				queries.leaderboard(100),
				queries.leaderboard(100, {bottom: true, minCount: 5}),
			],
		],
		['recent 100', 5, () => queries.recent(100)],
		['totals', 1, () => queries.totals()],
	];

	const rows = cases.map(([name, target, run]) => {
		const p99 = percentile99(run);
		return row(`${name} p99`, p99, 'ms', `< ${target}`, p99 < target);
	});
	const rss = process.memoryUsage().rss / 2 ** 20;
	rows.push(row('reader rss after the queries', rss, 'MiB'));
	reader.close();
	return rows;
}

function percentile99(run: (n: number) => unknown): number {
	const times: number[] = [];
	for (let n = 0; n < 300; n++) {
		const started = performance.now();
		run(n);
		times.push(performance.now() - started);
	}

	times.sort((a, b) => a - b);
	return times[Math.floor(times.length * 0.99)]!;
}

function row(
	metric: string,
	value: number,
	unit: string,
	target?: string,
	pass?: boolean,
): BenchRow {
	return {group, metric, value, unit, target, pass};
}
