import {useEffect} from 'react';
import {drillDownProps, type ListPaneProps} from '../list/list-pane.js';
import {StudentDetailPane} from '../student-detail/student-detail-pane.js';
import {useStoreQuery} from '../use-store-query.js';
import {Leaderboard} from './leaderboard.js';
import {useLeaderboardInput} from './use-leaderboard-input.js';
import {
	leaderboardSize,
	type LeaderboardAction,
	type LeaderboardState,
} from './use-leaderboard-state.js';

export type LeaderboardPaneProps = ListPaneProps<
	LeaderboardState,
	LeaderboardAction
>;

/** The leaderboard, or the student drilled into from it. */
export function LeaderboardPane(props: LeaderboardPaneProps) {
	const {state, dispatch, width, height} = props;
	const listHeight = Math.max(1, height - 1);
	const ranks = useStoreQuery(
		props.reader,
		props.version,
		props.isActive && !state.open,
		(store) =>
			store.students({
				sort: 'average',
				descending: true,
				limit: leaderboardSize,
			}).rows,
		[],
	);

	useEffect(() => {
		dispatch({type: 'resize', height: listHeight});
	}, [dispatch, listHeight]);

	useEffect(() => {
		if (ranks.data) {
			dispatch({type: 'ranks', ids: ranks.data.map((row) => row.studentId)});
		}
	}, [dispatch, ranks.data]);

	useLeaderboardInput({isActive: props.isActive && !state.open, dispatch});

	if (state.open) {
		return (
			<StudentDetailPane studentId={state.open} {...drillDownProps(props)} />
		);
	}

	const {offset, cursor} = state.list;
	return (
		<Leaderboard
			rows={(ranks.data ?? []).slice(offset, offset + listHeight)}
			firstRank={offset + 1}
			cursor={cursor - offset}
			width={width}
			height={height}
		/>
	);
}
