import {parentPort, workerData} from 'node:worker_threads';
import {startStreamServer, type StreamServerOptions} from './stream-server.js';

/**
 * Runs the built-in stream server on a thread of its own, so a firehose
 * never competes with the UI's keys for the main thread.
 */
const port = parentPort!;
const server = await startStreamServer(workerData as StreamServerOptions);
port.postMessage({type: 'listening', url: server.url, port: server.port});

port.on('message', async (message: {type: string}) => {
	if (message.type === 'close') {
		await server.close();
		port.close();
	}
});
