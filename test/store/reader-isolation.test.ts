import {spawn} from 'node:child_process';
import path from 'node:path';
import {pathToFileURL} from 'node:url';
import {describe, expect, it} from 'vitest';
import {openReader, openWriter} from '../../source/store/database.js';
import {Queries} from '../../source/store/queries.js';
import {tempDb} from '../helpers/temp-dir.js';
import {waitFor} from '../helpers/wait-for.js';

const source = 'http://127.0.0.1:1/scores';
const batchSize = 2000;
const batches = 60;
const dist = (file: string) =>
	pathToFileURL(path.resolve('dist/store', file)).href;

// The writer runs in its own process (built store in dist/), so its
// commits truly race the reader's statements.
const writerScript = `
	import {openWriter} from '${dist('database.js')}';
	import {ScoreWriter} from '${dist('score-writer.js')}';
	const db = openWriter(process.argv[1], '${source}');
	const writer = new ScoreWriter(db);
	for (let index = 0; index < ${batches}; index++) {
		const scores = Array.from({length: ${batchSize}}, (_, k) => ({
			studentId: 's' + (k % 50),
			exam: index,
			score: 0.5,
			receivedAt: 1000000 + index,
			eventId: String(index * ${batchSize} + k + 1),
		}));
		writer.write({scores, rejects: []});
	}
	db.close();
`;

describe('a reader while another process commits', () => {
	it('sees whole batches only, with aggregates that match', async () => {
		const file = tempDb();
		openWriter(file, source).close();
		const queries = new Queries(openReader(file));
		const child = spawn(
			process.execPath,
			['--input-type=module', '-e', writerScript, file],
			{stdio: 'inherit'},
		);
		const exited = new Promise<number | null>((resolve) => {
			child.on('exit', resolve);
		});
		const seen = new Set<number>();

		await waitFor(
			() => {
				const {totals, counted, exams} = queries.snapshot((read) => ({
					totals: read.totals(),
					counted: read
						.students({limit: 100})
						.rows.reduce((total, row) => total + row.count, 0),
					exams: read.exams(0, 1000).rows.length,
				}));
				seen.add(totals.scores);
				expect(totals.scores % batchSize).toBe(0);
				expect(counted).toBe(totals.scores);
				expect(exams).toBe(totals.exams);
				return totals.scores === batches * batchSize;
			},
			{timeoutMs: 30_000, intervalMs: 1, what: 'the last batch'},
		);

		expect(await exited).toBe(0);
		// The reader must have looked in while the writer was busy.
		expect(seen.size).toBeGreaterThan(2);
	});
});
