import {once} from 'node:events';
import {Worker} from 'node:worker_threads';
import {compiledFile} from './compiled-file.js';
import type {StreamServer, StreamServerOptions} from './stream-server.js';

type Listening = {type: 'listening'; url: string; port: number};

/** Starts the built-in stream server in its own worker thread. */
export async function startStreamServerThread(
	options: StreamServerOptions,
): Promise<StreamServer> {
	const worker = new Worker(
		compiledFile('stream-server-worker.js', import.meta.url),
		{
			workerData: options,
		},
	);
	const exited = once(worker, 'exit');

	const [message] = (await Promise.race([
		once(worker, 'message'),
		exited.then(() => {
			throw new Error('the built-in stream stopped before it started');
		}),
	])) as [Listening];

	return {
		url: message.url,
		port: message.port,
		async close() {
			worker.postMessage({type: 'close'});
			await exited;
		},
	};
}
