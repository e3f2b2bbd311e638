import {EventEmitter} from 'node:events';
import {Box, Text, render, useInput, type Instance} from 'ink';
import {useState} from 'react';
import {App} from '../app.js';
import {lazyReader} from '../modes/lazy-reader.js';
import {monitorRenderOptions} from '../modes/ui-process.js';
import type {IngestSource} from '../use-ingest.js';
import {createTheme, ThemeContext} from '../theme.js';
import {preciseNow} from './measure.js';

/** The key the probe listens for; no pane binds it. */
export const probeKey = '~';

const probePattern = /probe (\d+)/;

/** A terminal's output side that keeps no history, only counts. */
class FakeStdout extends EventEmitter {
	readonly isTTY = false;
	frames = 0;
	constructor(
		readonly columns: number,
		readonly rows: number,
		private readonly onFrame: (text: string) => void,
	) {
		super();
	}

	write = (text: string): boolean => {
		this.frames += 1;
		this.onFrame(text);
		return true;
	};
}

/** A terminal's input side: ink reads what write() leaves, on 'readable'. */
class FakeStdin extends EventEmitter {
	readonly isTTY = true;
	private pending: string | null = null;

	write(data: string): void {
		this.pending = data;
		this.emit('readable');
	}

	read = (): string | null => {
		const data = this.pending;
		this.pending = null;
		return data;
	};

	setEncoding(): void {}
	setRawMode(): void {}
	resume(): void {}
	pause(): void {}
	ref(): void {}
	unref(): void {}
}

/**
 * One line under the app that counts probe key presses. It goes through
 * the same input parsing, React commit, layout, throttle and write as any
 * pane's key, so the time from the press to a frame showing the new count
 * is the key-to-screen latency, whichever panes the app has.
 */
function Probe() {
	const [presses, setPresses] = useState(0);
	useInput((input) => {
		if (input === probeKey) {
			setPresses((count) => count + 1);
		}
	});

	return <Text>probe {presses}</Text>;
}

export type MonitorHarness = {
	/** Frames written so far. */
	frames(): number;
	/** Resolves once keys reach the app (its input hook attaches late). */
	ready(): Promise<void>;
	/** Presses the probe key; resolves with ms until it is on screen. */
	pressProbe(timeoutMs?: number): Promise<number>;
	unmount(): void;
};

export type HarnessOptions = {
	columns?: number;
	rows?: number;
	/** Called with each frame's text and wall-clock time as it is written. */
	onFrame?: (text: string, at: number) => void;
	/** The database the panes read, as the monitor's panes do. */
	dbFile?: string;
};

/**
 * Renders the real App, as the monitor does, into a fake terminal: the
 * same Ink options and, given `dbFile`, the same reader for the panes.
 */
export function renderMonitor(
	ingest: IngestSource,
	{columns = 100, rows = 30, onFrame, dbFile}: HarnessOptions = {},
): MonitorHarness {
	const reader = dbFile === undefined ? undefined : lazyReader(dbFile, ingest);
	let shownPresses = 0;
	let waiter: ((count: number) => void) | undefined;
	const stdout = new FakeStdout(columns, rows, (text) => {
		onFrame?.(text, preciseNow());
		const match = probePattern.exec(text);
		if (match) {
			shownPresses = Number(match[1]);
			waiter?.(shownPresses);
		}
	});
	const stdin = new FakeStdin();
	const instance: Instance = render(
		<ThemeContext.Provider value={createTheme({color: true, ascii: false})}>
			<Box flexDirection="column">
				<App
					ingest={ingest}
					source="bench"
					reader={reader?.get}
					columns={columns}
					rows={rows - 1}
					onExit={() => undefined}
				/>
				<Probe />
			</Box>
		</ThemeContext.Provider>,
		{
			stdout: stdout as unknown as NodeJS.WriteStream,
			stdin: stdin as unknown as NodeJS.ReadStream,
			exitOnCtrlC: false,
			patchConsole: false,
			...monitorRenderOptions,
		},
	);

	return {
		frames: () => stdout.frames,
		async ready() {
			for (let attempt = 1; ; attempt++) {
				try {
					await this.pressProbe(200);
					return;
				} catch (error) {
					if (attempt === 25) {
						throw error;
					}
				}
			}
		},
		async pressProbe(timeoutMs = 5000) {
			const target = shownPresses + 1;
			const pressedAt = performance.now();
			const shown = new Promise<number>((resolve, reject) => {
				const timer = setTimeout(() => {
					reject(new Error('the probe key never reached the screen'));
				}, timeoutMs);
				waiter = (count) => {
					if (count >= target) {
						clearTimeout(timer);
						waiter = undefined;
						resolve(performance.now() - pressedAt);
					}
				};
			});
			stdin.write(probeKey);
			return shown;
		},
		unmount() {
			instance.unmount();
			reader?.close();
		},
	};
}
