import type {AnyFlags} from 'meow';

/** Every flag scoretop takes; meow refuses any other. */
export const flags = {
	url: {type: 'string'},
	db: {type: 'string'},
	export: {type: 'string', choices: ['csv', 'json', 'ndjson']},
	view: {
		type: 'string',
		choices: ['scores', 'students', 'exams', 'leaderboard', 'rejects'],
	},
	out: {type: 'string'},
	count: {type: 'number'},
	duration: {type: 'string'},
	headless: {type: 'boolean', default: false},
	stallTimeout: {type: 'string', default: '45s'},
	color: {type: 'boolean', default: true},
	ascii: {type: 'boolean', default: false},
	logFile: {type: 'string'},
	port: {type: 'number'},
	host: {type: 'string', default: '127.0.0.1'},
	rate: {type: 'number'},
	seed: {type: 'number'},
	roster: {type: 'number'},
	firehose: {type: 'boolean', default: false},
} satisfies AnyFlags;

export const helpText = `
	Usage
	  $ scoretop [options]             live monitor (the built-in stream unless --url)
	  $ scoretop stream [options]      run the built-in stream server alone
	  $ scoretop serve [options]       HTTP API over the stored scores while ingesting

	Source and storage
	  --url URL              SSE stream to read (default: the built-in stream)
	  --db FILE              SQLite file (default: one per source in the data directory)
	  --stall-timeout TIME   reconnect when nothing arrives for this long (default 45s)

	Headless
	  --export FORMAT        csv, json or ndjson: write a view of the database and exit
	  --view NAME            scores (default), students, exams, leaderboard or rejects
	  --out FILE             write the export here instead of stdout
	  --count N              capture: stop after N stored scores, then export
	  --duration TIME        capture: stop after TIME (30s, 5m, 1h), then export
	  --headless             record without the UI; state and summaries on stderr

	Display
	  --no-color             no colours (NO_COLOR is honoured too)
	  --ascii                plain ASCII for terminals that are not UTF-8
	  --log-file FILE        write a debug log here

	stream and serve
	  --port N               port to listen on (stream: 8080, serve: 3000)
	  --host HOST            address to listen on (default 127.0.0.1)
	  --rate N               stream: events per second (default: a burst every 3 s)
	  --seed N               stream: seed for the generated scores
	  --roster N             stream: students per exam (default 20)
	  --firehose             stream: send as fast as the client reads

	Exit codes: 0 success, 1 runtime failure, 2 usage error.

	Examples
	  $ scoretop
	  $ scoretop --url http://127.0.0.1:8080/scores --db run.db --count 1000 --export json --view students
	  $ scoretop --export csv --view leaderboard --db run.db --out top.csv
	  $ scoretop serve --port 3000
	  $ scoretop stream --port 8080
`;

/**
 * The first flag on the command line that scoretop does not know. meow can
 * refuse unknown flags itself, but over two lines; ours is one.
 */
export function findUnknownFlag(argv: readonly string[]): string | undefined {
	const known = new Set([...Object.keys(flags), 'help', 'version', 'h']);

	for (const argument of argv) {
		if (argument === '--') {
			return undefined;
		}

		if (!argument.startsWith('-') || argument === '-') {
			continue;
		}

		const name = argument.replace(/^--?/, '').split('=')[0] ?? '';
		const camel = name.replace(/-([a-z])/g, (_, letter: string) =>
			letter.toUpperCase(),
		);
		const positive = camel.startsWith('no')
			? camel.charAt(2).toLowerCase() + camel.slice(3)
			: camel;
		if (!known.has(camel) && !known.has(positive)) {
			return argument.split('=')[0];
		}
	}

	return undefined;
}

/** meow reads `--rate x` as NaN; say which flag wanted a number. */
export function findBadNumber(
	values: Record<string, unknown>,
): string | undefined {
	for (const [name, spec] of Object.entries(flags)) {
		const value = values[name];
		if (
			spec.type === 'number' &&
			value !== undefined &&
			!Number.isFinite(value)
		) {
			const flag = name.replace(
				/[A-Z]/g,
				(letter) => `-${letter.toLowerCase()}`,
			);
			return `--${flag} takes a number`;
		}
	}

	return undefined;
}
