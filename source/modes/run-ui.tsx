// First, so React loads its production build (see ui-process.ts).
import {monitorRenderOptions} from './ui-process.js';
import {render} from 'ink';
import {App} from '../app.js';
import {builtinSource} from '../database-path.js';
import {RuntimeError} from '../errors.js';
import {ingestTarget, type ResolvedSource} from '../resolve-source.js';
import {IngestClient} from '../stream/ingest-client.js';
import {createTheme, ThemeContext} from '../theme.js';
import {lazyReader} from './lazy-reader.js';

const enterAlternateScreen = '\u001B[?1049h\u001B[H';
const leaveAlternateScreen = '\u001B[?1049l';

export type UiOptions = {
	resolved: ResolvedSource;
	color: boolean;
	ascii: boolean;
	stallTimeoutMs: number;
	log: (line: string) => void;
};

/**
 * The interactive monitor. The alternate screen keeps the user's scrollback
 * intact, and every way out (q, Ctrl-C, a signal, a failure) goes through
 * the same teardown: stop the worker, close the server, restore the screen.
 */
export async function runUi(options: UiOptions): Promise<void> {
	const {resolved} = options;
	const client = new IngestClient({
		...ingestTarget(resolved),
		stallTimeoutMs: options.stallTimeoutMs,
		onWorkerOutput: options.log,
		yieldToUi: true,
	});

	const reader = lazyReader(resolved.dbFile, client);
	let failure: string | undefined;
	const label =
		resolved.source === builtinSource ? 'built-in stream' : resolved.source;

	process.stdout.write(enterAlternateScreen);
	const instance = render(
		<ThemeContext.Provider value={createTheme(options)}>
			<App
				ingest={client}
				source={label}
				reader={reader.get}
				onExit={(reason) => {
					failure ??= reason;
				}}
			/>
		</ThemeContext.Provider>,
		{exitOnCtrlC: false, patchConsole: true, ...monitorRenderOptions},
	);

	const onSignal = () => {
		instance.unmount();
	};

	for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
		process.on(signal, onSignal);
	}

	try {
		await instance.waitUntilExit();
	} finally {
		for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
			process.off(signal, onSignal);
		}

		process.stdout.write(leaveAlternateScreen);
		reader.close();
		await client.stop();
		await resolved.server?.close();
	}

	if (failure) {
		throw new RuntimeError(failure);
	}
}
