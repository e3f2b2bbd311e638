import {
	burstIntervalMs,
	defaultRosterSize,
	defaultSeed,
	startStreamServer,
	type StreamServer,
} from './stream-server.js';

export type StreamServerFlags = {
	port: number;
	host: string;
	rate?: number;
	seed?: number;
	roster?: number;
	firehose?: boolean;
};

function describePace(flags: StreamServerFlags, rosterSize: number): string {
	if (flags.firehose) {
		return 'firehose: as fast as the client reads';
	}

	if (flags.rate !== undefined) {
		return `${flags.rate} events/s`;
	}

	return `${rosterSize} students every ${burstIntervalMs / 1000} s`;
}

async function start(flags: StreamServerFlags): Promise<StreamServer> {
	try {
		return await startStreamServer({
			port: flags.port,
			host: flags.host,
			rate: flags.rate,
			seed: flags.seed,
			rosterSize: flags.roster,
			firehose: flags.firehose,
		});
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		if (code === 'EADDRINUSE' || code === 'EACCES') {
			const reason = code === 'EADDRINUSE' ? 'is busy' : 'is not allowed';
			throw new Error(
				`port ${flags.port} on ${flags.host} ${reason}; pick another with --port`,
			);
		}

		throw error;
	}
}

function waitForStopSignal(): Promise<void> {
	return new Promise((resolve) => {
		const stop = () => {
			process.off('SIGINT', stop);
			process.off('SIGTERM', stop);
			resolve();
		};

		process.on('SIGINT', stop);
		process.on('SIGTERM', stop);
	});
}

/** Runs the built-in stream server until SIGINT or SIGTERM. */
export async function runStreamServer(flags: StreamServerFlags): Promise<void> {
	const server = await start(flags);
	const pace = describePace(flags, flags.roster ?? defaultRosterSize);
	const seed = flags.seed ?? defaultSeed;
	process.stderr.write(
		`scoretop stream: serving ${server.url} (${pace}, seed ${seed}); ` +
			'Ctrl-C stops\n',
	);

	await waitForStopSignal();
	await server.close();
}
