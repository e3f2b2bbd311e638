import fs from 'node:fs';
import os from 'node:os';

/** How far below the process the ingest threads run when a UI is drawn. */
const stepsBelow = 5;

/**
 * Lowers the calling thread's scheduling priority. Under a firehose the
 * reading and writing threads can keep both cores busy; a lower priority
 * lets the main thread, which answers keys and draws frames, run first
 * whenever it has work, at no cost to ingest when the cores are free.
 * Linux gives each thread its own nice value, found through
 * /proc/thread-self; elsewhere this does nothing.
 */
export function runBelowMainThread(): void {
	try {
		const thread = Number(
			fs.readlinkSync('/proc/thread-self').split('/').at(-1),
		);
		// The main thread's, since a thread started by a lowered one starts
		// lowered too.
		const main = os.getPriority(process.pid);
		os.setPriority(thread, Math.min(19, main + stepsBelow));
	} catch {
		// Not Linux, or not allowed: the thread keeps the process's priority.
	}
}
