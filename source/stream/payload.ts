import JSON5 from 'json5';

/** A score event's payload that passed validation. */
export type ScorePayload = {studentId: string; exam: number; score: number};

export type RejectReason =
	'not-json' | 'not-object' | 'bad-studentId' | 'bad-exam' | 'bad-score';

export type ParsedPayload =
	{ok: true; value: ScorePayload} | {ok: false; reason: RejectReason};

const maxStudentIdLength = 256;

/**
 * Reads a score event's data. The service documented its payload as a
 * JavaScript object literal (`score: .991`), so what strict JSON refuses is
 * read again the way JSON5 reads it.
 */
export function parsePayload(data: string): ParsedPayload {
	const value = parseLenient(data);
	if (value === undefined) {
		return {ok: false, reason: 'not-json'};
	}

	return validate(value);
}

function parseLenient(data: string): unknown {
	try {
		return JSON.parse(data) as unknown;
	} catch {
		// Fall through to the lenient reader.
	}

	try {
		return JSON5.parse(data) as unknown;
	} catch {
		return undefined;
	}
}

function validate(value: unknown): ParsedPayload {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) {
		return {ok: false, reason: 'not-object'};
	}

	const {studentId, exam, score} = value as Record<string, unknown>;
	if (!isStudentId(studentId)) {
		return {ok: false, reason: 'bad-studentId'};
	}

	if (typeof exam !== 'number' || !Number.isSafeInteger(exam) || exam < 0) {
		return {ok: false, reason: 'bad-exam'};
	}

	if (typeof score !== 'number' || !(score >= 0 && score <= 1)) {
		return {ok: false, reason: 'bad-score'};
	}

	// -0 passes the range check; store it as the 0 it means.
	return {ok: true, value: {studentId, exam: exam + 0, score: score + 0}};
}

/**
 * An id is stored verbatim, so it must be text UTF-8 can hold: a lone
 * surrogate (`"\ud800"` in the JSON) would come back as U+FFFD from SQLite.
 */
function isStudentId(studentId: unknown): studentId is string {
	return (
		typeof studentId === 'string' &&
		studentId.length > 0 &&
		studentId.length <= maxStudentIdLength &&
		isWellFormed(studentId)
	);
}

/**
 * A reject's data as it is kept: text from the wire is always well-formed,
 * but any lone surrogate that reaches here is written as its `\udXXX`
 * escape, so the rejects table holds what was sent instead of U+FFFD.
 */
export function rejectData(data: string): string {
	if (isWellFormed(data)) {
		return data;
	}

	// With the u flag a well-formed pair is one code point, so only lone
	// surrogates fall in this range.
	return data.replaceAll(
		/[\ud800-\udfff]/gu,
		(unit) => `\\u${unit.charCodeAt(0).toString(16)}`,
	);
}

// Node 20 has String.prototype.isWellFormed; the ES2022 library types that
// this project compiles against do not declare it yet.
function isWellFormed(text: string): boolean {
	return (text as string & {isWellFormed(): boolean}).isWellFormed();
}
