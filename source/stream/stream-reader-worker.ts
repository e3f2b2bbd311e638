import {parentPort, workerData} from 'node:worker_threads';
import type {ReaderConfig, WriterMessage} from './reader-messages.js';
import {StreamReader} from './stream-reader.js';
import {runBelowMainThread} from './thread-priority.js';

/** The reading thread's entry; the ingest worker starts it. */
const port = parentPort!;
const config = workerData as ReaderConfig;
if (config.yieldToUi) {
	runBelowMainThread();
}

const reader = new StreamReader(
	workerData as ReaderConfig,
	(message, transfer) => {
		port.postMessage(message, transfer);
	},
);

port.on('message', (message: WriterMessage) => {
	if (message.type === 'committed') {
		reader.committed();
		return;
	}

	reader.stop();
	port.close();
});

reader.start();
