import {Box, useApp} from 'ink';
import {useCallback, useEffect, useRef} from 'react';
import {ExamsPane} from './components/exams/exams-pane.js';
import {useExamsState} from './components/exams/use-exams-state.js';
import {FeedPane} from './components/feed/feed-pane.js';
import {feedNote, useFeedState} from './components/feed/use-feed-state.js';
import {Help} from './components/help/help.js';
import {LeaderboardPane} from './components/leaderboard/leaderboard-pane.js';
import {useLeaderboardState} from './components/leaderboard/use-leaderboard-state.js';
import {HintLine} from './components/navigation/hint-line.js';
import {PaneTabs} from './components/navigation/pane-tabs.js';
import {useNavigationInput} from './components/navigation/use-navigation-input.js';
import {useNavigationState} from './components/navigation/use-navigation-state.js';
import {StatusBar, statusLines} from './components/status-bar/status-bar.js';
import type {ReaderHandle} from './components/store-reader.js';
import {StudentsPane} from './components/students/students-pane.js';
import {useStudentsState} from './components/students/use-students-state.js';
import {minimumSize, TooSmall} from './components/too-small.js';
import {useTerminalSize} from './components/use-terminal-size.js';
import {useIngest, type IngestSource, type IngestView} from './use-ingest.js';

export type AppProps = {
	ingest: IngestSource;
	/** The source as the user named it (the URL, or the built-in stream). */
	source: string;
	/** Reads the store; returns undefined until the database exists. */
	reader?: ReaderHandle;
	/** Called once when the app leaves, with the failure that ended it, if any. */
	onExit: (failure?: string) => void;
	columns?: number;
	rows?: number;
};

/** Lines around the pane: the status bar, the pane tabs, the hint line. */
const chromeAround = (state: IngestView['state']) => statusLines(state) + 2;

/**
 * Composes the panes. Each pane's state lives in its own reducer; the app
 * holds them only so the status bar and hint line can speak of them.
 */
export function App({ingest, source, reader, onExit, ...props}: AppProps) {
	const view = useIngest(ingest, reader);
	const size = useTerminalSize(props.columns, props.rows);
	const [navigation, navigate] = useNavigationState();
	const [feed, feedDispatch] = useFeedState();
	const [leaderboard, leaderboardDispatch] = useLeaderboardState();
	const [students, studentsDispatch] = useStudentsState();
	const [exams, examsDispatch] = useExamsState();
	const quit = useQuit(onExit, view.failure);
	const typing = students.draft !== undefined;
	const typingFlag = useRef(typing);
	typingFlag.current = typing;

	useNavigationInput({
		state: navigation,
		dispatch: navigate,
		typing: typingFlag,
		onQuit: quit,
	});

	if (size.columns < minimumSize.columns || size.rows < minimumSize.rows) {
		return <TooSmall columns={size.columns} rows={size.rows} />;
	}

	const {pane, help} = navigation;
	const shared = {
		reader,
		version: view.version,
		width: size.columns,
		height: size.rows - chromeAround(view.state),
	};
	const drilled = {
		feed: false,
		leaderboard: leaderboard.open !== undefined,
		students: students.open !== undefined,
		exams: exams.open !== undefined,
	}[pane];

	return (
		<Box flexDirection="column" width={size.columns} height={size.rows}>
			{help && <Help width={size.columns} height={size.rows - 1} />}
			<Box display={help ? 'none' : 'flex'} flexDirection="column">
				<StatusBar
					source={source}
					state={view.state}
					counters={view.counters}
					width={size.columns}
					note={feedNote(feed, view.counters.stored)}
					now={Date.now()}
				/>
				<PaneTabs pane={pane} />
			</Box>
			<Box display={help ? 'none' : 'flex'} flexDirection="column">
				<Box display={pane === 'feed' ? 'flex' : 'none'}>
					<FeedPane
						{...shared}
						view={view}
						state={feed}
						dispatch={feedDispatch}
						isActive={!help && pane === 'feed'}
					/>
				</Box>
				<Box display={pane === 'leaderboard' ? 'flex' : 'none'}>
					<LeaderboardPane
						{...shared}
						state={leaderboard}
						dispatch={leaderboardDispatch}
						isActive={!help && pane === 'leaderboard'}
					/>
				</Box>
				<Box display={pane === 'students' ? 'flex' : 'none'}>
					<StudentsPane
						{...shared}
						state={students}
						dispatch={studentsDispatch}
						typing={typingFlag}
						isActive={!help && pane === 'students'}
					/>
				</Box>
				<Box display={pane === 'exams' ? 'flex' : 'none'}>
					<ExamsPane
						{...shared}
						state={exams}
						dispatch={examsDispatch}
						isActive={!help && pane === 'exams'}
					/>
				</Box>
			</Box>
			<HintLine
				context={{
					pane,
					help,
					drilled,
					typing,
					paused: feed.paused !== undefined,
				}}
				width={size.columns}
			/>
		</Box>
	);
}

/** The one way out: q, Ctrl-C or a failed worker all end here. */
function useQuit(onExit: (failure?: string) => void, failure?: string) {
	const {exit} = useApp();

	useEffect(() => {
		if (failure) {
			onExit(failure);
			exit();
		}
	}, [failure, onExit, exit]);

	return useCallback(() => {
		onExit();
		exit();
	}, [onExit, exit]);
}
