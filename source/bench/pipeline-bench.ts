import os from 'node:os';
import path from 'node:path';
import type {BenchRow} from './bench-table.js';
import type {EndToEndJob} from './end-to-end-child.js';
import {
	benchSource,
	type FirehoseResult,
	type LatencyResult,
} from './end-to-end.js';
import {runInChild, scratchDir} from './measure.js';
import {
	captureStream,
	parsePayloads,
	parseSse,
	runBaseline,
	writeScores,
} from './pipeline-parts.js';

/** How much each part of the pipeline bench does. */
export type PipelineSizes = {
	/** Events through SSE parsing and payload parsing alone. */
	partEvents: number;
	/** Scores through the writer alone, into an empty file. */
	writerEvents: number;
	/** Scores already stored for the second end-to-end run. */
	storedEvents: number;
	/** Events through each end-to-end run. */
	endToEndEvents: number;
	baselineMs: number;
	latencyRate: number;
	latencySeconds: number;
};

export const pipelineSizes = {
	full: {
		partEvents: 300_000,
		writerEvents: 1_000_000,
		storedEvents: 5_000_000,
		endToEndEvents: 1_000_000,
		baselineMs: 3000,
		latencyRate: 200,
		latencySeconds: 10,
	},
	quick: {
		partEvents: 50_000,
		writerEvents: 100_000,
		storedEvents: 200_000,
		endToEndEvents: 100_000,
		baselineMs: 1000,
		latencyRate: 200,
		latencySeconds: 2,
	},
} satisfies Record<string, PipelineSizes>;

export type PipelineReport = {
	rows: BenchRow[];
	empty: FirehoseResult;
	loaded: FirehoseResult;
};

type Log = (line: string) => void;

/** Runs every pipeline measurement once and names the figures. */
export async function runPipelineBench(
	sizes: PipelineSizes,
	log: Log = () => undefined,
): Promise<PipelineReport> {
	const scratch = scratchDir();
	try {
		return await measureAll(sizes, scratch.dir, log);
	} finally {
		scratch.remove();
	}
}

async function measureAll(
	sizes: PipelineSizes,
	dir: string,
	log: Log,
): Promise<PipelineReport> {
	const file = (name: string) => path.join(dir, `${name}.db`);
	const loadAtStart = os.loadavg()[0] ?? 0;

	log(`capturing ${sizes.partEvents} events from the server`);
	const chunks = await captureStream(sizes.partEvents);
	const sse = parseSse(chunks);
	const payloadSeconds = parsePayloads(sse.data);
	chunks.length = 0;

	log(`writer alone: ${sizes.writerEvents} scores`);
	const writerSeconds = writeScores(file('writer'), benchSource, {
		count: sizes.writerEvents,
	});

	log(`baseline: one INSERT per event for ${sizes.baselineMs} ms`);
	const baselineRate = await runBaseline(file('baseline'), sizes.baselineMs);

	log(`end to end: ${sizes.endToEndEvents} events into an empty file`);
	const empty = await firehose(file('empty'), sizes.endToEndEvents, 0);

	log(`filling a file with ${sizes.storedEvents} scores`);
	const fillSeconds = writeScores(file('loaded'), benchSource, {
		count: sizes.storedEvents,
		batchSize: 10_000,
	});
	log(`end to end: ${sizes.endToEndEvents} events on top of them`);
	const loaded = await firehose(
		file('loaded'),
		sizes.endToEndEvents,
		sizes.storedEvents,
	);

	log(`latency: ${sizes.latencyRate}/s for ${sizes.latencySeconds} s`);
	const latency = await latencyOf(
		file('latency'),
		sizes.latencyRate,
		sizes.latencySeconds,
	);

	const parts = {
		sse: sizes.partEvents / sse.seconds,
		payload: sizes.partEvents / payloadSeconds,
		writer: sizes.writerEvents / writerSeconds,
	};
	const slowest = Math.min(parts.sse, parts.payload, parts.writer);
	const worst = (pick: (result: FirehoseResult) => number) =>
		Math.max(pick(empty), pick(loaded));

	const rows: BenchRow[] = [
		checked('SSE parsing alone', parts.sse, 'events/s'),
		checked('parse + validate alone', parts.payload, 'events/s'),
		checked('writer alone, empty file', parts.writer, 'scores/s'),
		checked(
			`writer alone, filling ${sizes.storedEvents} scores`,
			sizes.storedEvents / fillSeconds,
			'scores/s',
		),
		checked('baseline: one INSERT per event', baselineRate, 'scores/s'),
		checked(
			'end to end, empty file',
			empty.rate,
			'scores/s',
			'>= 100,000',
			empty.rate >= 100_000,
		),
		checked(
			`end to end, ${sizes.storedEvents} stored`,
			loaded.rate,
			'scores/s',
			'>= 100,000',
			loaded.rate >= 100_000,
		),
		checked(
			'end to end / baseline',
			Math.min(empty.rate, loaded.rate) / baselineRate,
			'x',
			'>= 100',
			Math.min(empty.rate, loaded.rate) / baselineRate >= 100,
		),
		checked(
			'end to end / slowest part alone',
			(100 * empty.rate) / slowest,
			'%',
			'>= 70',
			empty.rate / slowest >= 0.7,
		),
		checked('UI frames during the firehose', empty.framesPerSecond, 'frames/s'),
		checked(
			'key to screen p50',
			worst((r) => r.keyP50Ms),
			'ms',
		),
		checked(
			'key to screen p99',
			worst((r) => r.keyP99Ms),
			'ms',
			'<= 100',
			worst((r) => r.keyP99Ms) <= 100,
		),
		checked(
			'main thread CPU',
			worst((r) => r.mainCpuCores),
			'cores',
			'< 0.5',
			worst((r) => r.mainCpuCores) < 0.5,
		),
		checked(
			'main thread event loop busy',
			worst((r) => r.mainLoopUtilization),
			'fraction',
		),
		checked(
			'whole process CPU',
			worst((r) => r.processCpuCores),
			'cores',
		),
		checked(
			'server child CPU',
			worst((r) => r.serverCpuCores),
			'cores',
		),
		checked('process CPU per score, empty file', empty.cpuMicrosPerScore, 'µs'),
		checked('process CPU per score, stored', loaded.cpuMicrosPerScore, 'µs'),
		// Other work on the machine slows every rate above: say how much.
		checked('load average at the start', loadAtStart, ''),
		checked(
			'peak RSS, firehose on an empty file',
			empty.peakRssMb,
			'MB',
			'< 200',
			empty.peakRssMb < 200,
		),
		checked(
			`peak RSS, firehose on ${sizes.storedEvents} stored`,
			loaded.peakRssMb,
			'MB',
			'< 200',
			loaded.peakRssMb < 200,
		),
		checked('commit latency p50', latency.commitP50Ms, 'ms'),
		checked(
			'commit latency p99',
			latency.commitP99Ms,
			'ms',
			'<= 150',
			latency.commitP99Ms <= 150,
		),
		checked('on-screen latency p50', latency.screenP50Ms, 'ms'),
		checked(
			'on-screen latency p99',
			latency.screenP99Ms,
			'ms',
			'<= 250',
			latency.screenP99Ms <= 250,
		),
	];

	return {rows, empty, loaded};
}

function checked(
	metric: string,
	value: number,
	unit: string,
	target?: string,
	pass?: boolean,
): BenchRow {
	const row: BenchRow = {group: 'pipeline', metric, value, unit};
	return target === undefined ? row : {...row, target, pass};
}

async function firehose(
	dbFile: string,
	events: number,
	stored: number,
): Promise<FirehoseResult> {
	const job: EndToEndJob = {kind: 'firehose', dbFile, events, stored};
	const line = await runInChild('end-to-end-child.js', job);
	return JSON.parse(line) as FirehoseResult;
}

async function latencyOf(
	dbFile: string,
	rate: number,
	seconds: number,
): Promise<LatencyResult> {
	const job: EndToEndJob = {kind: 'latency', dbFile, rate, seconds};
	const line = await runInChild('end-to-end-child.js', job);
	return JSON.parse(line) as LatencyResult;
}
