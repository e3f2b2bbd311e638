import type {Counters} from '../stream/messages.js';
import {runExport, type ExportRunOptions} from './run-export.js';
import {runHeadless, type HeadlessOptions} from './run-headless.js';

export type CaptureOptions = HeadlessOptions & {
	export: Omit<ExportRunOptions, 'dbFile'>;
};

/**
 * Ingests without the UI until --count or --duration is met, then exports
 * what the database holds. A stream that fails for good throws before the
 * export; what was stored stays stored.
 */
export async function runCapture(options: CaptureOptions): Promise<Counters> {
	const counters = await runHeadless(options);
	await runExport({...options.export, dbFile: options.resolved.dbFile});
	return counters;
}
