import type {Database} from 'better-sqlite3';

type Run = {firstRow: number; firstId: number; length: number};

/**
 * Remembers which event ids are stored, so a replayed event is stored once.
 * Integer ids that rise by one with the rows (what most streams send) cost
 * nothing per row: a run (first row, first id, length) stands for them all.
 * Any other id, and every inherited id, takes a row in event_ids.
 */
export class EventIds {
	private current: Run | undefined;
	/** The lowest stored id above the current run: it must stop there. */
	private ceiling = Number.POSITIVE_INFINITY;
	private readonly statements: ReturnType<typeof prepare>;

	constructor(db: Database) {
		this.statements = prepare(db);
	}

	/**
	 * Takes the id for the row; false when an event with this id is stored
	 * already. An inherited id belongs to an earlier event, so it never
	 * makes its event a duplicate.
	 */
	claim(eventId: string | undefined, row: number, inherited = false): boolean {
		if (eventId === undefined || eventId === '') {
			return true;
		}

		if (inherited) {
			this.statements.insertOther.run(row, eventId, 1);
			return true;
		}

		if (!isRunId(eventId)) {
			return this.statements.insertOther.run(row, eventId, 0).changes === 1;
		}

		return this.claimNumber(Number(eventId), row);
	}

	/** Saves the run this batch extended. */
	flush(): void {
		if (this.current) {
			this.saveRun(this.current);
		}
	}

	reset(): void {
		this.current = undefined;
		this.ceiling = Number.POSITIVE_INFINITY;
	}

	/** claim() for an own id already known to be a canonical integer. */
	claimNumber(id: number, row: number): boolean {
		const run = this.current;
		if (
			run &&
			id === run.firstId + run.length &&
			row === run.firstRow + run.length &&
			id < this.ceiling
		) {
			run.length += 1;
			return true;
		}

		if (run && id >= run.firstId && id < run.firstId + run.length) {
			return false;
		}

		if (this.isStored(id)) {
			return false;
		}

		this.startRun(id, row);
		return true;
	}

	private isStored(id: number): boolean {
		const run = this.statements.runBelow.get(id) as
			{firstId: number; length: number} | undefined;
		return run !== undefined && id < run.firstId + run.length;
	}

	private startRun(id: number, row: number): void {
		if (this.current) {
			this.saveRun(this.current);
		}

		this.current = {firstRow: row, firstId: id, length: 1};
		this.saveRun(this.current);
		const above = this.statements.runAbove.get(id) as
			{firstId: number} | undefined;
		this.ceiling = above?.firstId ?? Number.POSITIVE_INFINITY;
	}

	private saveRun(run: Run): void {
		this.statements.saveRun.run(run.firstRow, run.firstId, run.length);
	}
}

/** Integer ids in the safe range, written the one canonical way. */
export function isRunId(eventId: string): boolean {
	return /^(0|[1-9]\d{0,14})$/.test(eventId);
}

function prepare(db: Database) {
	return {
		insertOther: db.prepare(
			`INSERT OR IGNORE INTO event_ids (row, event_id, inherited)
			 VALUES (?, ?, ?)`,
		),
		runBelow: db.prepare(
			`SELECT first_id AS firstId, length FROM id_runs
			 WHERE first_id <= ? ORDER BY first_id DESC LIMIT 1`,
		),
		runAbove: db.prepare(
			`SELECT first_id AS firstId FROM id_runs
			 WHERE first_id > ? ORDER BY first_id LIMIT 1`,
		),
		saveRun: db.prepare(
			`INSERT OR REPLACE INTO id_runs (first_row, first_id, length)
			 VALUES (?, ?, ?)`,
		),
	};
}
