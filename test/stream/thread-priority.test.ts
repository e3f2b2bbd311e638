import fs from 'node:fs';
import {afterEach, describe, expect, it} from 'vitest';
import {IngestClient} from '../../source/stream/ingest-client.js';
import {
	startStreamServer,
	type StreamServer,
} from '../../source/stream/stream-server.js';
import {tempDb} from '../helpers/temp-dir.js';
import {waitFor} from '../helpers/wait-for.js';
import {startIngest} from './ingest-harness.js';

let server: StreamServer | undefined;
let client: IngestClient | undefined;

afterEach(async () => {
	await client?.stop();
	await server?.close();
});

/** The nice value of every thread of this process, from /proc. */
function threadNiceValues(): number[] {
	return fs.readdirSync('/proc/self/task').flatMap((thread) => {
		try {
			const stat = fs.readFileSync(`/proc/self/task/${thread}/stat`, 'utf8');
			// Field 19 is the nice value; fields start after the command's ')'.
			return [Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16])];
		} catch {
			return [];
		}
	});
}

async function niceValuesWhileIngesting(yieldToUi: boolean) {
	server = await startStreamServer({rate: 1000});
	const ingest = startIngest({url: server.url, dbFile: tempDb(), yieldToUi});
	client = ingest.client;
	const base = threadNiceValues()[0]!;
	await waitFor(() => (ingest.counters()?.stored ?? 0) > 10, {
		what: 'scores stored',
	});
	return {base, values: threadNiceValues()};
}

describe.runIf(fs.existsSync('/proc/thread-self'))(
	'ingest thread priority',
	() => {
		it('runs the reading and writing threads five steps below a UI', async () => {
			const {base, values} = await niceValuesWhileIngesting(true);

			expect(values.filter((nice) => nice === base + 5)).toHaveLength(2);
		});

		it('leaves every thread alone without a UI', async () => {
			const {base, values} = await niceValuesWhileIngesting(false);

			expect(values.every((nice) => nice === base)).toBe(true);
		});
	},
);
