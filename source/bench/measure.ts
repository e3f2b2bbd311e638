import {spawn, type ChildProcess} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import {fileURLToPath} from 'node:url';

/** Options for the stream server child, passed as JSON in argv[2]. */
export type StreamChildOptions = {
	firehose?: boolean;
	rate?: number;
	limit: number;
	seed?: number;
	/** Report when each write left the process (for latency). */
	timeWrites?: boolean;
};

/** What the child prints, one JSON object a line. */
export type StreamChildLine =
	| {type: 'listening'; url: string}
	| {type: 'write'; ids: number[]; at: number}
	| {type: 'cpu'; micros: number};

export type StreamChild = {
	url: string;
	/** Stops the server; resolves with the CPU time it used, in seconds. */
	stop(): Promise<number>;
};

/** Wall-clock milliseconds with sub-millisecond precision, across processes. */
export function preciseNow(): number {
	return performance.timeOrigin + performance.now();
}

/** The value below which `fraction` of the sorted values fall. */
export function percentile(values: readonly number[], fraction: number) {
	if (values.length === 0) {
		return Number.NaN;
	}

	const sorted = [...values].sort((a, b) => a - b);
	const index = Math.min(
		sorted.length - 1,
		Math.ceil(fraction * sorted.length) - 1,
	);
	return sorted[Math.max(0, index)]!;
}

/** Starts the built-in stream server in a child process. */
export async function startStreamChild(
	options: StreamChildOptions,
	onWrite?: (ids: number[], at: number) => void,
): Promise<StreamChild> {
	const entry = builtEntry('stream-child.js');
	// The child reads its stdin only to see it close when this process ends.
	const child = spawn(process.execPath, [entry, JSON.stringify(options)], {
		stdio: ['pipe', 'pipe', 'inherit'],
	});
	let cpuMicros = 0;
	const url = await new Promise<string>((resolve, reject) => {
		child.once('error', reject);
		child.once('exit', (code) => {
			reject(new Error(`the stream server child exited with ${code}`));
		});
		readline.createInterface({input: child.stdout!}).on('line', (text) => {
			const line = JSON.parse(text) as StreamChildLine;
			if (line.type === 'listening') {
				resolve(line.url);
			} else if (line.type === 'write') {
				onWrite?.(line.ids, line.at);
			} else {
				cpuMicros = line.micros;
			}
		});
	});

	return {
		url,
		async stop() {
			await stopChild(child);
			return cpuMicros / 1e6;
		},
	};
}

/** A compiled bench entry; under the test runner, look in dist/. */
function builtEntry(name: string): string {
	const beside = fileURLToPath(new URL(name, import.meta.url));
	if (fs.existsSync(beside)) {
		return beside;
	}

	return fileURLToPath(new URL(`../../dist/bench/${name}`, import.meta.url));
}

/** Runs a bench entry in a fresh Node process; resolves with its last line. */
export async function runInChild(name: string, job: unknown): Promise<string> {
	const child = spawn(
		process.execPath,
		[builtEntry(name), JSON.stringify(job)],
		{
			stdio: ['ignore', 'pipe', 'inherit'],
		},
	);
	let output = '';
	child.stdout!.setEncoding('utf8');
	child.stdout!.on('data', (text: string) => {
		output += text;
	});
	const code = await new Promise<number | null>((resolve, reject) => {
		child.once('error', reject);
		child.once('exit', resolve);
	});
	if (code !== 0) {
		throw new Error(`${name} exited with ${code}`);
	}

	return output.trim().split('\n').at(-1) ?? '';
}

async function stopChild(child: ChildProcess): Promise<void> {
	if (child.exitCode !== null) {
		return;
	}

	const exited = new Promise((resolve) => {
		child.once('exit', resolve);
	});
	child.kill('SIGTERM');
	await exited;
}

/** Samples this process's resident set size; the peak is kept. */
export class RssSampler {
	peak = 0;
	private readonly timer: NodeJS.Timeout;

	constructor(intervalMs = 50) {
		this.sample();
		this.timer = setInterval(() => {
			this.sample();
		}, intervalMs);
	}

	sample(): number {
		const rss = process.memoryUsage.rss();
		this.peak = Math.max(this.peak, rss);
		return rss;
	}

	stop(): number {
		clearInterval(this.timer);
		this.sample();
		return this.peak;
	}
}

/** A scratch directory for databases, removed by the returned function. */
export function scratchDir(): {dir: string; remove: () => void} {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scoretop-bench-'));
	return {
		dir,
		remove() {
			fs.rmSync(dir, {recursive: true, force: true});
		},
	};
}

export const megabytes = (bytes: number): number => bytes / 1024 / 1024;
