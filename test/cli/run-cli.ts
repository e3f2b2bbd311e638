import {spawn, spawnSync, type ChildProcess} from 'node:child_process';
import {fileURLToPath} from 'node:url';

export const cliPath = fileURLToPath(
	new URL('../../dist/cli.js', import.meta.url),
);

/**
 * Runs the built CLI to its end. The data directory is the caller's, so a
 * default database never lands in the user's home.
 */
export function runCli(args: readonly string[], dataHome?: string) {
	return spawnSync(process.execPath, [cliPath, ...args], {
		encoding: 'utf8',
		timeout: 30_000,
		maxBuffer: 64 * 1024 * 1024,
		env: cliEnv(dataHome),
	});
}

export type RunningCli = {
	child: ChildProcess;
	stderr: () => string;
	stdout: () => string;
	exited: Promise<{code: number | null; signal: string | null}>;
};

/** Starts the built CLI and keeps what it prints, for tests that signal it. */
export function startCli(
	args: readonly string[],
	dataHome?: string,
): RunningCli {
	const child = spawn(process.execPath, [cliPath, ...args], {
		env: cliEnv(dataHome),
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let stdout = '';
	let stderr = '';
	child.stdout.setEncoding('utf8').on('data', (text: string) => {
		stdout += text;
	});
	child.stderr.setEncoding('utf8').on('data', (text: string) => {
		stderr += text;
	});
	const exited = new Promise<{code: number | null; signal: string | null}>(
		(resolve) => {
			child.once('exit', (code, signal) => {
				resolve({code, signal});
			});
		},
	);

	return {child, exited, stdout: () => stdout, stderr: () => stderr};
}

function cliEnv(dataHome: string | undefined): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = {...process.env, NO_COLOR: '1'};
	if (dataHome !== undefined) {
		env.XDG_DATA_HOME = dataHome;
	}

	return env;
}

/**
 * Runs the built CLI to its end without blocking this process, for tests
 * whose stream server runs here too (spawnSync would starve it).
 */
export async function runCliAsync(
	args: readonly string[],
	dataHome?: string,
): Promise<{status: number | null; stdout: string; stderr: string}> {
	const running = startCli(args, dataHome);
	const timer = setTimeout(() => running.child.kill('SIGKILL'), 30_000);
	const {code} = await running.exited;
	clearTimeout(timer);
	return {status: code, stdout: running.stdout(), stderr: running.stderr()};
}
