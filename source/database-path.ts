import {createHash} from 'node:crypto';
import path from 'node:path';
import envPaths from 'env-paths';

/** The name the built-in stream's scores are stored under, whatever its port. */
export const builtinSource = 'scoretop:built-in-stream';

/**
 * Each source gets its own file in the user's data directory, so demo data
 * never mixes with a real stream and two streams never share averages.
 */
export function defaultDatabasePath(source: string): string {
	const directory = envPaths('scoretop', {suffix: ''}).data;
	if (source === builtinSource) {
		return path.join(directory, 'demo.db');
	}

	const url = new URL(source);
	const digest = createHash('sha256').update(source).digest('hex').slice(0, 8);
	const host = `${url.hostname}-${url.port || 'default'}`.replaceAll(
		/[^\w.-]/g,
		'_',
	);
	return path.join(directory, `${host}-${digest}.db`);
}
