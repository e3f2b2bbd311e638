import {Box, Text, useApp, useInput, useStdout} from 'ink';
import {useEffect, useState} from 'react';
import {Feed} from './components/feed/feed.js';
import {StatusBar} from './components/status-bar/status-bar.js';
import {keymap, matchBinding} from './keymap.js';
import {useTheme} from './theme.js';
import {useIngest, type IngestSource} from './use-ingest.js';

export type AppProps = {
	ingest: IngestSource;
	/** The source as the user named it (the URL, or the built-in stream). */
	source: string;
	/** Called once when the app leaves, with the failure that ended it, if any. */
	onExit: (failure?: string) => void;
	columns?: number;
	rows?: number;
};

/** Composes the panes; owns nothing but the layout and the exit path. */
export function App({ingest, source, onExit, columns, rows}: AppProps) {
	const view = useIngest(ingest);
	const {exit} = useApp();
	const theme = useTheme();
	const size = useTerminalSize(columns, rows);
	const now = Date.now();

	useInput((input, key) => {
		const binding = matchBinding(input, key);
		if (binding === 'quit' || binding === 'forceQuit') {
			onExit();
			exit();
		}
	});

	useEffect(() => {
		if (view.failure) {
			onExit(view.failure);
			exit();
		}
	}, [view.failure, onExit, exit]);

	const feedHeight = Math.max(1, size.rows - 4);

	return (
		<Box flexDirection="column" width={size.columns} height={size.rows}>
			<StatusBar
				source={source}
				state={view.state}
				counters={view.counters}
				width={size.columns}
				now={now}
			/>
			<Box marginTop={1}>
				<Feed rows={view.feed} height={feedHeight} width={size.columns} />
			</Box>
			<Text color={theme.muted} wrap="truncate">
				{keymap.quit.keys} {keymap.quit.label}
			</Text>
		</Box>
	);
}

/** The terminal's size, read on every render; a resize forces one. */
function useTerminalSize(columns?: number, rows?: number) {
	const {stdout} = useStdout();
	const [, setResizes] = useState(0);

	useEffect(() => {
		const onResize = () => {
			setResizes((count) => count + 1);
		};

		stdout.on('resize', onResize);
		return () => {
			stdout.off('resize', onResize);
		};
	}, [stdout]);

	return {
		columns: columns ?? stdout.columns ?? 80,
		rows: rows ?? stdout.rows ?? 24,
	};
}
