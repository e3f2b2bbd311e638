import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3, {type Database} from 'better-sqlite3';
import {migrate, schemaVersion} from './schema.js';
import {StoreError} from './store-error.js';

/**
 * Opens the one write connection. WAL with synchronous=NORMAL: a crash loses
 * at most the last commits not yet checkpointed to the OS, never the file.
 */
export function openWriter(file: string, source: string): Database {
	checkParent(file);
	const db = openFile(file, {});

	try {
		claimWriter(db, file);
		db.pragma('journal_mode = WAL');
		db.pragma('synchronous = NORMAL');
		db.pragma('busy_timeout = 5000');
		// 16 MB: the rows a batch touches sit near the ends of their indexes.
		// 32 MB gave the same rates within run-to-run noise (README,
		// Performance) and cost 15 MB of the monitor's 200 MB.
		db.pragma('cache_size = -16000');
		refuseNewerSchema(db, file);
		migrate(db);
		claimSource(db, file, source);
	} catch (error) {
		db.close();
		throw translate(error, file);
	}

	return db;
}

/**
 * SQLite would create the file wherever it is told; a missing directory is
 * a typo to report, and the default data directory is made by its caller.
 */
function checkParent(file: string): void {
	const directory = path.dirname(path.resolve(file));
	if (!fs.statSync(directory, {throwIfNoEntry: false})?.isDirectory()) {
		throw new StoreError(
			`there is no directory ${directory} for ${file}: create it or pass another --db`,
		);
	}
}

/** Opens a read-only connection; each reader gets its own. */
export function openReader(file: string): Database {
	if (!fs.existsSync(file)) {
		throw new StoreError(
			`no database at ${file}: run scoretop once to create it`,
		);
	}

	let db = openFile(file, {readonly: true, fileMustExist: true});
	db.pragma('busy_timeout = 5000');
	if (readVersion(db, file) < schemaVersion) {
		db.close();
		upgrade(file);
		db = openFile(file, {readonly: true, fileMustExist: true});
		db.pragma('busy_timeout = 5000');
	}

	return db;
}

/**
 * A file written by an earlier scoretop is brought forward before it is
 * read, since every reader expects the current tables. Any recording
 * scoretop would already have done so, so the write lock is free here.
 */
function upgrade(file: string): void {
	const reader = openFile(file, {readonly: true, fileMustExist: true});
	const source = readSource(reader);
	reader.close();
	if (source === undefined) {
		throw new StoreError(
			`${file} is not a scoretop database: pass another --db`,
		);
	}

	try {
		openWriter(file, source).close();
	} catch (error) {
		const reason = translate(error, file).message;
		throw new StoreError(
			`${file} needs an upgrade to schema ${schemaVersion} first, which failed: ${reason}`,
		);
	}
}

function readVersion(db: Database, file: string): number {
	let version: number;
	try {
		version = db.pragma('user_version', {simple: true}) as number;
	} catch (error) {
		db.close();
		throw translate(error, file);
	}

	if (version === 0 || version > schemaVersion) {
		db.close();
		throw new StoreError(
			version === 0
				? `${file} is not a scoretop database: pass another --db`
				: `${file} was written by a newer scoretop (schema ${version}); upgrade scoretop to open it`,
		);
	}

	return version;
}

export function readSource(db: Database): string | undefined {
	const row = db
		.prepare(`SELECT value FROM meta WHERE key = 'source'`)
		.get() as {value: string} | undefined;
	return row?.value;
}

function openFile(file: string, options: BetterSqlite3.Options): Database {
	try {
		return new BetterSqlite3(file, options);
	} catch (error) {
		throw translate(error, file);
	}
}

/**
 * One writer per file. The lock is SQLite's own, on a small file beside
 * the database, held in exclusive mode for the life of the connection: the
 * system drops it when the process ends, however it ends (kill -9
 * included), so a lock is never stale, and readers of the database itself
 * (exports, the HTTP API) are never blocked by it.
 */
function claimWriter(db: Database, file: string): void {
	try {
		db.prepare(`ATTACH DATABASE ? AS writer_lock`).run(`${file}.lock`);
		db.pragma('writer_lock.locking_mode = EXCLUSIVE');
		db.exec(`CREATE TABLE IF NOT EXISTS writer_lock.holder (pid INTEGER);
			DELETE FROM writer_lock.holder;`);
		db.prepare(`INSERT INTO writer_lock.holder (pid) VALUES (?)`).run(
			process.pid,
		);
	} catch (error) {
		const code = (error as {code?: string}).code ?? '';
		if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
			throw new StoreError(
				`another scoretop is already recording into ${file}: stop it or pass another --db (--export may read it meanwhile)`,
			);
		}

		throw error;
	}
}

function refuseNewerSchema(db: Database, file: string): void {
	const version = db.pragma('user_version', {simple: true}) as number;
	if (version > schemaVersion) {
		throw new StoreError(
			`${file} was written by a newer scoretop (schema ${version}); upgrade scoretop to open it`,
		);
	}
}

/** A file holds one source's scores; mixing two would corrupt every average. */
function claimSource(db: Database, file: string, source: string): void {
	const stored = readSource(db);
	if (stored !== undefined && stored !== source) {
		throw new StoreError(
			`${file} belongs to ${stored}, not ${source}: pass another --db or the same --url`,
		);
	}

	if (stored === undefined) {
		db.prepare(
			`INSERT INTO meta (key, value) VALUES ('source', ?), ('created_at', ?)`,
		).run(source, new Date().toISOString());
	}
}

/** Turns SQLite's error codes into one line a user can act on. */
export function translate(error: unknown, file: string): Error {
	if (error instanceof StoreError) {
		return error;
	}

	const code = (error as {code?: string}).code ?? '';
	const message = (error as Error).message ?? String(error);
	if (fs.statSync(file, {throwIfNoEntry: false})?.isDirectory()) {
		return new StoreError(
			`${file} is a directory, not a database: pass a file`,
		);
	}

	if (code === 'SQLITE_FULL') {
		return new StoreError(
			`disk full while writing ${file}: free space, then run again`,
		);
	}

	if (code.startsWith('SQLITE_READONLY') || cannotWrite(error, file)) {
		return new StoreError(`${file} is read-only: pass a writable --db`);
	}

	if (code === 'SQLITE_BUSY' || code.startsWith('SQLITE_BUSY')) {
		return new StoreError(
			`${file} is locked by another program: close it or pass another --db`,
		);
	}

	if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
		return new StoreError(
			`${file} is not a scoretop database: pass another --db`,
		);
	}

	if (code === 'SQLITE_CANTOPEN') {
		return new StoreError(
			`cannot open ${file}: check the path and its permissions`,
		);
	}

	return new StoreError(`${file}: ${message.split('\n')[0]}`);
}

/** SQLite says only that it cannot open a file on a read-only disk. */
function cannotWrite(error: unknown, file: string): boolean {
	const code = (error as {code?: string}).code ?? '';
	if (!code.startsWith('SQLITE_CANTOPEN') || !fs.existsSync(file)) {
		return false;
	}

	try {
		fs.accessSync(file, fs.constants.W_OK);
		fs.accessSync(path.dirname(path.resolve(file)), fs.constants.W_OK);
		return false;
	} catch {
		return true;
	}
}
