import fs from 'node:fs';
import {performance} from 'node:perf_hooks';
import type {Database} from 'better-sqlite3';
import {openReader} from '../store/database.js';
import {Queries} from '../store/queries.js';
import {IngestClient} from '../stream/ingest-client.js';
import type {WorkerMessage} from '../stream/messages.js';
import {
	percentile,
	preciseNow,
	RssSampler,
	startStreamChild,
	type StreamChild,
} from './measure.js';
import {renderMonitor, type MonitorHarness} from './ui-harness.js';

/** The source every bench database claims, whatever port the server has. */
export const benchSource = 'scoretop-bench';

export type FirehoseResult = {
	events: number;
	/** Scores committed per second, from the first commit to the last. */
	rate: number;
	framesPerSecond: number;
	keyP50Ms: number;
	keyP99Ms: number;
	keyPresses: number;
	/** CPU of the main thread (UI), in cores. */
	mainCpuCores: number;
	mainLoopUtilization: number;
	/** CPU of the whole process (main thread, worker, I/O), in cores. */
	processCpuCores: number;
	serverCpuCores: number;
	/** CPU of the whole process per committed score, in µs. */
	cpuMicrosPerScore: number;
	peakRssMb: number;
	/** Resident set size after the worker stopped, still rendering. */
	endRssMb: number;
};

type Run = {
	child: StreamChild;
	client: IngestClient;
	harness: MonitorHarness;
};

/** Starts server, worker and UI, resuming after what the file holds. */
async function startRun(
	dbFile: string,
	limit: number,
	onFrame?: (text: string, at: number) => void,
	childOptions: {rate?: number; timeWrites?: boolean} = {},
	onWrite?: (ids: number[], at: number) => void,
): Promise<Run> {
	const firehose = childOptions.rate === undefined;
	const child = await startStreamChild(
		{firehose, limit, ...childOptions},
		onWrite,
	);
	const client = new IngestClient({
		url: child.url,
		source: benchSource,
		dbFile,
		onWorkerOutput: (line) => process.stderr.write(`worker: ${line}\n`),
		// As the monitor runs it (modes/run-ui.tsx).
		yieldToUi: true,
	});
	const harness = renderMonitor(client, {onFrame, dbFile});
	await harness.ready();
	return {child, client, harness};
}

async function stopRun(run: Run): Promise<number> {
	await run.client.stop();
	run.harness.unmount();
	return run.child.stop();
}

/** Resolves when a worker update says at least `stored` scores are in. */
function storedAtLeast(
	client: IngestClient,
	stored: number,
	onUpdate?: (stored: number) => void,
): Promise<void> {
	return new Promise((resolve, reject) => {
		const listener = (message: WorkerMessage) => {
			if (message.type === 'failed') {
				reject(new Error(message.message));
				return;
			}

			const count = message.counters.stored;
			onUpdate?.(count);
			if (count >= stored) {
				client.off('message', listener);
				resolve();
			}
		};

		client.on('message', listener);
	});
}

/** CPU seconds this thread has used (Linux); undefined elsewhere. */
function mainThreadCpu(): number | undefined {
	try {
		const stat = fs.readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
		const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		// utime and stime, in clock ticks of 1/100 s on Linux.
		return (Number(fields[11]) + Number(fields[12])) / 100;
	} catch {
		return undefined;
	}
}

/** Presses the probe key now and then until `done`; returns the delays. */
async function probeKeys(
	harness: MonitorHarness,
	done: () => boolean,
): Promise<number[]> {
	const latencies: number[] = [];
	while (!done()) {
		latencies.push(await harness.pressProbe());
		// An irregular gap, so presses fall anywhere in the frame cycle.
		await new Promise((resolve) => {
			setTimeout(resolve, 40 + Math.random() * 80);
		});
	}

	return latencies;
}

/**
 * The whole pipeline under a firehose: the server in its own process, the
 * real worker, and the real App rendering into a fake terminal on this
 * thread, with keys pressed while it runs. `stored` is what the file holds
 * already; the server resumes after it.
 */
export async function runFirehose(
	dbFile: string,
	events: number,
	stored = 0,
): Promise<FirehoseResult> {
	const rss = new RssSampler();
	const run = await startRun(dbFile, stored + events);
	let firstCommitAt = 0;
	let startCpu: number | undefined;
	let startUsage = process.cpuUsage();
	let startLoop = performance.eventLoopUtilization();
	let startFrames = 0;
	let finished = false;

	const allIn = storedAtLeast(run.client, stored + events, (count) => {
		if (firstCommitAt === 0 && count > stored) {
			firstCommitAt = performance.now();
			startCpu = mainThreadCpu();
			startUsage = process.cpuUsage();
			startLoop = performance.eventLoopUtilization();
			startFrames = run.harness.frames();
		}
	});
	const keys = probeKeys(run.harness, () => finished);
	await allIn;
	finished = true;

	const seconds = (performance.now() - firstCommitAt) / 1000;
	const endCpu = mainThreadCpu();
	const usage = process.cpuUsage(startUsage);
	const loop = performance.eventLoopUtilization(startLoop);
	const frames = run.harness.frames() - startFrames;
	const latencies = await keys;
	const serverCpu = await stopRun(run);
	const endRss = rss.sample();
	const peakRss = rss.stop();

	return {
		events,
		rate: events / seconds,
		framesPerSecond: frames / seconds,
		keyP50Ms: percentile(latencies, 0.5),
		keyP99Ms: percentile(latencies, 0.99),
		keyPresses: latencies.length,
		mainCpuCores:
			startCpu === undefined || endCpu === undefined
				? loop.utilization
				: (endCpu - startCpu) / seconds,
		mainLoopUtilization: loop.utilization,
		processCpuCores: (usage.user + usage.system) / 1e6 / seconds,
		serverCpuCores: serverCpu / seconds,
		cpuMicrosPerScore: (usage.user + usage.system) / events,
		peakRssMb: peakRss / 1024 / 1024,
		endRssMb: endRss / 1024 / 1024,
	};
}

export type LatencyResult = {
	events: number;
	commitP50Ms: number;
	commitP99Ms: number;
	screenP50Ms: number;
	screenP99Ms: number;
};

/**
 * A normal stream at a steady rate. The server child reports when each
 * event's bytes were handed to its socket; a reader polling the resume id
 * (committed in the same transaction as the scores) every 2 ms sees when
 * each was committed; the status bar's score count in each written frame
 * says when it reached the screen. All three clocks are this machine's
 * wall clock at sub-millisecond precision.
 */
export async function runLatency(
	dbFile: string,
	rate: number,
	seconds: number,
): Promise<LatencyResult> {
	const events = Math.round(rate * seconds);
	const sentAt = new Map<number, number>();
	const committed: number[] = [];
	const shown: number[] = [];
	let lastCommitted = 0;
	let lastShown = 0;

	const onFrame = (text: string, at: number) => {
		const match = /scores ([\d,]+)/.exec(text);
		const count = match ? Number(match[1]!.replaceAll(',', '')) : 0;
		for (let id = lastShown + 1; id <= count; id++) {
			shown.push(at - (sentAt.get(id) ?? at));
		}

		lastShown = Math.max(lastShown, count);
	};

	const run = await startRun(
		dbFile,
		events,
		onFrame,
		{rate, timeWrites: true},
		(ids, at) => {
			for (const id of ids) {
				sentAt.set(id, at);
			}
		},
	);

	const allIn = storedAtLeast(run.client, events);
	let reader: Database | undefined;
	let queries: Queries | undefined;
	const readResumeId = (): number => {
		try {
			if (!queries && fs.existsSync(dbFile)) {
				reader = openReader(dbFile);
				queries = new Queries(reader);
			}

			return Number(queries?.meta('last_event_id') ?? 0);
		} catch {
			// The worker has created the file but not its tables yet.
			reader?.close();
			reader = undefined;
			queries = undefined;
			return 0;
		}
	};

	const poll = setInterval(() => {
		const id = readResumeId();
		const now = preciseNow();
		for (let next = lastCommitted + 1; next <= id; next++) {
			committed.push(now - (sentAt.get(next) ?? now));
		}

		lastCommitted = Math.max(lastCommitted, id);
	}, 2);

	await allIn;
	await waitUntil(() => lastCommitted >= events && lastShown >= events);
	clearInterval(poll);
	reader?.close();
	await stopRun(run);

	return {
		events,
		commitP50Ms: percentile(committed, 0.5),
		commitP99Ms: percentile(committed, 0.99),
		screenP50Ms: percentile(shown, 0.5),
		screenP99Ms: percentile(shown, 0.99),
	};
}

async function waitUntil(check: () => boolean, timeoutMs = 5000) {
	const deadline = performance.now() + timeoutMs;
	while (!check() && performance.now() < deadline) {
		await new Promise((resolve) => {
			setTimeout(resolve, 10);
		});
	}
}
