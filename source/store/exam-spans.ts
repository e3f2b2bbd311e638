import type {Database, Statement} from 'better-sqlite3';

/**
 * A stretch of rows that holds one exam's results among others. Exams
 * arrive in bursts, so a few spans per exam replace an index on exam.
 */
export type ExamSpan = {
	exam: number;
	firstRow: number;
	lastRow: number;
	count: number;
};

/** Rows of other exams a span may take in before a new span opens. */
const slack = 256;

/**
 * Extends the span with the row if it stays at least half this exam's rows
 * (plus some slack), so reading an exam scans at most about twice its
 * results. Returns undefined when the row must open a new span.
 */
export function extendSpan(
	span: ExamSpan | undefined,
	row: number,
): ExamSpan | undefined {
	if (!span || row - span.firstRow + 1 > 2 * (span.count + 1) + slack) {
		return undefined;
	}

	span.lastRow = row;
	span.count += 1;
	return span;
}

/** Keeps each exam's open span in memory and saves the changed ones. */
export class ExamSpans {
	private readonly open = new Map<number, ExamSpan>();
	private readonly changed = new Set<ExamSpan>();
	private readonly findLast: Statement;
	private readonly save: Statement;

	constructor(db: Database) {
		this.findLast = db.prepare(
			`SELECT exam, first_row AS firstRow, last_row AS lastRow,
			   result_count AS count
			 FROM exam_spans WHERE exam = ? ORDER BY first_row DESC LIMIT 1`,
		);
		this.save = db.prepare(
			`INSERT OR REPLACE INTO exam_spans (exam, first_row, last_row, result_count)
			 VALUES (?, ?, ?, ?)`,
		);
	}

	add(exam: number, row: number): void {
		const last = this.open.get(exam) ?? this.load(exam);
		const span = extendSpan(last, row) ?? {
			exam,
			firstRow: row,
			lastRow: row,
			count: 1,
		};
		this.open.set(exam, span);
		this.changed.add(span);
	}

	/** Writes the spans this batch changed; forgets spans left far behind. */
	flush(nextRow: number): void {
		for (const span of this.changed) {
			this.save.run(span.exam, span.firstRow, span.lastRow, span.count);
		}

		this.changed.clear();
		if (this.open.size > 4096) {
			for (const [exam, span] of this.open) {
				if (nextRow - span.firstRow > 2 * (span.count + 1) + slack) {
					this.open.delete(exam);
				}
			}
		}
	}

	/** After a rolled-back batch the memory no longer matches the file. */
	reset(): void {
		this.open.clear();
		this.changed.clear();
	}

	private load(exam: number): ExamSpan | undefined {
		return this.findLast.get(exam) as ExamSpan | undefined;
	}
}
