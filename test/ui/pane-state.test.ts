import {describe, expect, it} from 'vitest';
import {sparkline} from '../../source/components/charts/sparkline.js';
import {
	feedNote,
	feedRows,
	initialFeed,
	reduceFeed,
	type FeedRow,
} from '../../source/components/feed/use-feed-state.js';
import {
	initialLeaderboard,
	reduceLeaderboard,
	type LeaderboardState,
} from '../../source/components/leaderboard/use-leaderboard-state.js';
import {
	emptyList,
	reduceList,
	type ListAction,
	type ListState,
} from '../../source/components/list/list-state.js';
import {
	initialNavigation,
	reduceNavigation,
} from '../../source/components/navigation/use-navigation-state.js';
import {
	activeFilter,
	initialStudents,
	reduceStudents,
} from '../../source/components/students/use-students-state.js';
import {splitKeys} from '../../source/components/use-keys.js';
import type {Key} from 'ink';

function run<S, A>(reduce: (s: S, a: A) => S, state: S, actions: A[]): S {
	return actions.reduce(reduce, state);
}

const list = (actions: ListAction[], start: ListState = emptyList) =>
	run(reduceList, start, actions);

describe('list windowing', () => {
	const sized = list([
		{type: 'resize', height: 5},
		{type: 'total', total: 12},
	]);

	it('keeps the cursor on screen while moving', () => {
		expect(sized).toMatchObject({cursor: 0, offset: 0});
		expect(list(Array(6).fill({type: 'down'}), sized)).toMatchObject({
			cursor: 6,
			offset: 2,
		});
		expect(list([{type: 'bottom'}], sized)).toMatchObject({
			cursor: 11,
			offset: 7,
		});
		expect(list([{type: 'bottom'}, {type: 'top'}], sized)).toMatchObject({
			cursor: 0,
			offset: 0,
		});
	});

	it('pages by a screen and stops at the ends', () => {
		const paged = list([{type: 'pageDown'}], sized);
		expect(paged).toMatchObject({cursor: 5, offset: 5});
		expect(list([{type: 'pageDown'}, {type: 'pageDown'}], paged)).toMatchObject(
			{cursor: 11, offset: 7},
		);
		expect(list([{type: 'pageUp'}, {type: 'pageUp'}], paged)).toMatchObject({
			cursor: 0,
			offset: 0,
		});
		expect(list([{type: 'up'}], sized).cursor).toBe(0);
	});

	it('clamps when the list shrinks or the screen does', () => {
		const low = list([{type: 'bottom'}], sized);
		expect(list([{type: 'total', total: 3}], low)).toMatchObject({
			cursor: 2,
			offset: 0,
		});
		expect(list([{type: 'total', total: 0}], low)).toMatchObject({
			cursor: 0,
			offset: 0,
		});
		expect(list([{type: 'resize', height: 2}], low)).toMatchObject({
			cursor: 11,
			offset: 10,
		});
	});
});

describe('leaderboard', () => {
	const board = (ids: string[], state: LeaderboardState = initialLeaderboard) =>
		reduceLeaderboard(reduceLeaderboard(state, {type: 'resize', height: 10}), {
			type: 'ranks',
			ids,
		});

	it('keeps the selection on the same student while ranks move', () => {
		const first = board(['ann', 'bob', 'cid', 'dee']);
		const onBob = reduceLeaderboard(first, {type: 'down'});
		expect(onBob).toMatchObject({selectedId: 'bob', list: {cursor: 1}});

		const moved = board(['cid', 'dee', 'ann', 'bob'], onBob);
		expect(moved).toMatchObject({selectedId: 'bob', list: {cursor: 3}});
	});

	it('keeps the rank when the selected student leaves the board', () => {
		const onCid = reduceLeaderboard(board(['ann', 'bob', 'cid']), {
			type: 'bottom',
		});
		const gone = board(['ann', 'bob', 'eve'], onCid);
		expect(gone).toMatchObject({selectedId: 'eve', list: {cursor: 2}});
	});

	it('opens the selected student and goes back', () => {
		const opened = reduceLeaderboard(board(['ann', 'bob']), {type: 'open'});
		expect(opened.open).toBe('ann');
		expect(reduceLeaderboard(opened, {type: 'close'}).open).toBeUndefined();
		expect(
			reduceLeaderboard(initialLeaderboard, {type: 'open'}).open,
		).toBeUndefined();
	});
});

describe('students', () => {
	it('cycles the sort, highest first, and reverses', () => {
		const sorts = [1, 2, 3, 4].map(
			(count) =>
				run(reduceStudents, initialStudents, Array(count).fill({type: 'sort'}))
					.sort,
		);
		expect(sorts).toEqual(['average', 'count', 'lastSeen', 'id']);

		const byAverage = reduceStudents(initialStudents, {type: 'sort'});
		expect(byAverage.descending).toBe(true);
		expect(reduceStudents(byAverage, {type: 'reverse'}).descending).toBe(false);
	});

	it('filters live while typing; Enter keeps and Esc clears', () => {
		const typed = run(reduceStudents, initialStudents, [
			{type: 'startFilter'},
			{type: 'type', text: 'an'},
			{type: 'type', text: 'nx'},
			{type: 'erase'},
		]);
		expect(typed.draft).toBe('ann');
		expect(activeFilter(typed)).toBe('ann');
		expect(typed.filter).toBe('');

		const kept = reduceStudents(typed, {type: 'keepFilter'});
		expect(kept).toMatchObject({filter: 'ann', draft: undefined});

		const cleared = reduceStudents(
			reduceStudents(kept, {type: 'startFilter'}),
			{type: 'clearFilter'},
		);
		expect(cleared).toMatchObject({filter: '', draft: undefined});
	});

	it('goes back to the first row when the order or filter changes', () => {
		const moved = run(reduceStudents, initialStudents, [
			{type: 'resize', height: 5},
			{type: 'total', total: 50},
			{type: 'pageDown'},
		]);
		expect(moved.list.cursor).toBe(5);
		expect(reduceStudents(moved, {type: 'sort'}).list.cursor).toBe(0);
		expect(reduceStudents(moved, {type: 'type', text: 'x'}).list.cursor).toBe(
			0,
		);
	});
});

describe('feed', () => {
	const row = (studentId: string): FeedRow => ({
		studentId,
		exam: 1,
		score: 0.5,
		receivedAt: 0,
		eventId: studentId,
	});

	it('freezes its rows while paused and counts what arrived since', () => {
		const paused = reduceFeed(initialFeed, {
			type: 'togglePause',
			rows: [row('a'), row('b')],
			stored: 10,
		});
		const live = [row('a'), row('b'), row('c')];
		expect(feedRows(paused, live).map((r) => r.studentId)).toEqual(['b', 'a']);
		expect(feedNote(paused, 25)).toBe('paused, 15 new');

		const resumed = reduceFeed(paused, {
			type: 'togglePause',
			rows: [],
			stored: 0,
		});
		expect(feedRows(resumed, live).map((r) => r.studentId)).toEqual([
			'c',
			'b',
			'a',
		]);
		expect(feedNote(resumed, 25)).toBeUndefined();
	});
});

describe('navigation', () => {
	it('jumps, cycles both ways and toggles help', () => {
		const students = reduceNavigation(initialNavigation, {
			type: 'go',
			pane: 'students',
		});
		expect(students.pane).toBe('students');
		expect(reduceNavigation(students, {type: 'cycle', by: 1}).pane).toBe(
			'exams',
		);
		expect(
			reduceNavigation(initialNavigation, {type: 'cycle', by: -1}).pane,
		).toBe('exams');

		const help = reduceNavigation(students, {type: 'toggleHelp'});
		expect(help.help).toBe(true);
		expect(reduceNavigation(help, {type: 'closeHelp'}).help).toBe(false);
	});
});

describe('charts and keys', () => {
	it('draws a sparkline of the latest scores that fit', () => {
		expect(sparkline([0, 0.5, 1], 10, '_.-:=+*#')).toBe('_=#');
		expect(sparkline([0, 1, 1, 0], 2, '▁█')).toBe('█▁');
		expect(sparkline([-1, 2], 2, 'ab')).toBe('ab');
	});

	it('splits keys that arrive together into one each', () => {
		const key = {return: false, ctrl: false, meta: false} as Key;
		const split = splitKeys('jG\r', key);
		expect(split.map(([text]) => text)).toEqual(['j', 'G', '\r']);
		expect(split[1]?.[1].shift).toBe(true);
		expect(split[2]?.[1].return).toBe(true);
		expect(splitKeys('j', key)).toEqual([['j', key]]);
	});
});
