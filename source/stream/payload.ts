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
	if (
		typeof studentId !== 'string' ||
		studentId.length === 0 ||
		studentId.length > maxStudentIdLength
	) {
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
