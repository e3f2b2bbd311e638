import {ServerResponse} from 'node:http';
import {startStreamServer} from '../stream/stream-server.js';
import {
	preciseNow,
	type StreamChildLine,
	type StreamChildOptions,
} from './measure.js';

/**
 * The built-in stream server in a process of its own, so that the client
 * under test never shares an event loop with it. Started by the pipeline
 * bench with its options as JSON in argv[2]; prints one JSON line with the
 * URL, then (when asked) one line per write with the ids it carried and
 * when it left, and on SIGTERM a last line with the CPU time it used.
 */

function print(line: StreamChildLine): void {
	process.stdout.write(`${JSON.stringify(line)}\n`);
}

// The server writes whole event blocks as strings; wrapping write is the
// least intrusive way to see when each event's bytes are handed to the
// kernel without adding a hook to the product for a benchmark.
function timeWrites(): void {
	const write = ServerResponse.prototype.write;
	ServerResponse.prototype.write = function (
		this: ServerResponse,
		...args: Parameters<typeof write>
	) {
		const accepted = write.apply(this, args);
		const [chunk] = args;
		if (typeof chunk === 'string') {
			const ids = [...chunk.matchAll(/^id: (\d+)$/gm)].map((match) =>
				Number(match[1]),
			);
			if (ids.length > 0) {
				print({type: 'write', ids, at: preciseNow()});
			}
		}

		return accepted;
	} as typeof write;
}

async function main(): Promise<void> {
	const options = JSON.parse(process.argv[2] ?? '{}') as StreamChildOptions;
	if (options.timeWrites) {
		timeWrites();
	}

	const server = await startStreamServer({
		firehose: options.firehose,
		rate: options.rate,
		limit: options.limit,
		seed: options.seed,
		keepAliveMs: 0,
	});
	print({type: 'listening', url: server.url});

	// A bench that dies without stopping the server must not leave it behind.
	process.stdin.on('close', () => process.exit(0));
	process.stdin.resume();

	process.once('SIGTERM', () => {
		const used = process.cpuUsage();
		print({type: 'cpu', micros: used.user + used.system});
		void server.close().then(() => process.exit(0));
	});
}

await main();
