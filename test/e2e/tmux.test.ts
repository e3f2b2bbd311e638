import {spawnSync} from 'node:child_process';
import BetterSqlite3 from 'better-sqlite3';
import {afterEach, describe, expect, it} from 'vitest';
import {tempDb} from '../helpers/temp-dir.js';
import {waitFor} from '../helpers/wait-for.js';

const cli = new URL('../../dist/cli.js', import.meta.url).pathname;
const hasTmux = spawnSync('tmux', ['-V']).status === 0;
const socket = `scoretop-e2e-${process.pid}`;

function tmux(...args: string[]): string {
	const result = spawnSync('tmux', ['-L', socket, ...args], {
		encoding: 'utf8',
		timeout: 10_000,
	});
	return result.stdout;
}

const screen = () => tmux('capture-pane', '-p', '-t', 'ui');

async function waitForScreen(pattern: RegExp, what: string): Promise<string> {
	return waitFor(
		() => {
			const text = screen();
			return pattern.test(text) && text;
		},
		{timeoutMs: 15_000, intervalMs: 100, what: `${what}; screen:\n${screen()}`},
	);
}

/** The figure after `label` on screen, as drawn (four decimals). */
function figure(text: string, label: string): string {
	return new RegExp(`${label} (\\d\\.\\d{4})`).exec(text)?.[1] ?? '';
}

afterEach(() => {
	tmux('kill-server');
});

describe('the built CLI without a terminal', () => {
	it('never mounts the UI when stdin and stdout are pipes', () => {
		const result = spawnSync(
			process.execPath,
			[cli, '--db', tempDb(), '--count', '3'],
			{encoding: 'utf8', timeout: 20_000, stdio: 'pipe'},
		);

		expect(result.status).toBe(0);
		expect(result.stdout).not.toContain('\u001B[?1049h');
		expect(result.stderr).toContain('stopped; 3 scores');
	});
});

// CI installs tmux; on a machine without it there is no terminal to drive.
describe.skipIf(!hasTmux)('the built CLI in a real terminal (tmux)', () => {
	it('drills into a student and an exam, survives resizes, quits on q', async () => {
		const file = tempDb();
		tmux(
			'new-session',
			'-d',
			'-s',
			'ui',
			'-x',
			'80',
			'-y',
			'24',
			// As a user's shell has it: no NODE_ENV (the test runner sets one;
			// React's two builds once got mixed without it, drawing nothing),
			// and CI=true as on a build box (Ink then draws only the last
			// frame unless the monitor hides that variable).
			`env -u NODE_ENV CI=true ${process.execPath} ${cli} --db ${file}`,
		);
		await waitForScreen(/scores [1-9]/, 'stored scores');
		const db = new BetterSqlite3(file, {readonly: true});

		tmux('send-keys', '-t', 'ui', '3');
		await waitForScreen(/\[3 students][\s\S]*\n> \S/, 'the students pane');
		tmux('send-keys', '-t', 'ui', 'j');
		tmux('send-keys', '-t', 'ui', 'Enter');
		await waitForScreen(/student \S+\n.*average/, 'a student');
		// The store moves on every burst: poll until screen and store agree.
		await waitFor(
			() => {
				const text = screen();
				const id = /student (\S+)\n/.exec(text)?.[1];
				const row = db
					.prepare('SELECT average FROM students WHERE student_id = ?')
					.get(id) as {average: number} | undefined;
				return (
					row !== undefined &&
					figure(text, 'average') === row.average.toFixed(4)
				);
			},
			{timeoutMs: 15_000, intervalMs: 100, what: 'the student average'},
		);

		tmux('send-keys', '-t', 'ui', '4');
		await waitForScreen(/\[4 exams][\s\S]*\n> +\d/, 'the exams pane');
		tmux('send-keys', '-t', 'ui', 'Enter');
		await waitForScreen(/exam \d+\n.*average[\s\S]*distribution/, 'an exam');
		await waitFor(
			() => {
				const text = screen();
				const exam = Number(/exam (\d+)\n/.exec(text)?.[1]);
				const row = db
					.prepare('SELECT average FROM exams WHERE exam = ?')
					.get(exam) as {average: number} | undefined;
				return (
					row !== undefined &&
					figure(text, 'average') === row.average.toFixed(4)
				);
			},
			{timeoutMs: 15_000, intervalMs: 100, what: 'the exam average'},
		);
		db.close();

		tmux('resize-window', '-t', 'ui', '-x', '50', '-y', '10');
		await waitForScreen(
			/too small: 50x10, need at least 60x15/,
			'the size note',
		);
		tmux('resize-window', '-t', 'ui', '-x', '80', '-y', '24');
		await waitForScreen(/\[4 exams]/, 'the panes again');

		tmux('send-keys', '-t', 'ui', 'q');
		await waitFor(
			() =>
				spawnSync('tmux', ['-L', socket, 'has-session', '-t', 'ui']).status !==
				0,
			{timeoutMs: 10_000, what: 'scoretop to quit'},
		);
	});
});
