import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterEach} from 'vitest';

const made: string[] = [];

/** A fresh directory, removed after the test. */
export function tempDir(): string {
	const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'scoretop-test-'));
	made.push(directory);
	return directory;
}

export function tempDb(): string {
	return path.join(tempDir(), 'scores.db');
}

afterEach(() => {
	for (const directory of made.splice(0)) {
		fs.rmSync(directory, {recursive: true, force: true});
	}
});
