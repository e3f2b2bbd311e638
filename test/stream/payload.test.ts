import {describe, expect, it} from 'vitest';
import {parsePayload, rejectData} from '../../source/stream/payload.js';

describe('parsePayload', () => {
	it('accepts the wire format of the stream', () => {
		expect(
			parsePayload(
				'{"studentId":"Hannah.Herman76","exam":14102,"score":0.6815787969197457}',
			),
		).toEqual({
			ok: true,
			value: {
				studentId: 'Hannah.Herman76',
				exam: 14_102,
				score: 0.6815787969197457,
			},
		});
	});

	it('reads the documented object literal with an unquoted key and .991', () => {
		expect(
			parsePayload('{"exam": 3, "studentId": "foo", score: .991}'),
		).toEqual({
			ok: true,
			value: {studentId: 'foo', exam: 3, score: 0.991},
		});
	});

	it.each([
		['not json at all', 'not-json'],
		['[1,2]', 'not-object'],
		['null', 'not-object'],
		['"text"', 'not-object'],
		['{"exam": 1, "score": 0.5}', 'bad-studentId'],
		['{"exam": 1, "studentId": "", "score": 0.5}', 'bad-studentId'],
		[
			`{"exam": 1, "studentId": "${'x'.repeat(257)}", "score": 0.5}`,
			'bad-studentId',
		],
		['{"exam": 1, "studentId": 7, "score": 0.5}', 'bad-studentId'],
		['{"exam": 1, "studentId": "\\ud800lone", "score": 0.5}', 'bad-studentId'],
		['{"exam": 1, "studentId": "lone\\udfff", "score": 0.5}', 'bad-studentId'],
		['{exam: 1, studentId: "\\udc00\\ud800", score: 0.5}', 'bad-studentId'],
		['{"exam": -1, "studentId": "a", "score": 0.5}', 'bad-exam'],
		['{"exam": 1.5, "studentId": "a", "score": 0.5}', 'bad-exam'],
		['{"exam": "1", "studentId": "a", "score": 0.5}', 'bad-exam'],
		['{"exam": 9007199254740993, "studentId": "a", "score": 0.5}', 'bad-exam'],
		['{"exam": 1, "studentId": "a", "score": 1.0000001}', 'bad-score'],
		['{"exam": 1, "studentId": "a", "score": -0.1}', 'bad-score'],
		['{"exam": 1, "studentId": "a", "score": NaN}', 'bad-score'],
		['{"exam": 1, "studentId": "a", "score": Infinity}', 'bad-score'],
		['{"exam": 1, "studentId": "a", "score": "0.5"}', 'bad-score'],
	])('rejects %s as %s', (data, reason) => {
		expect(parsePayload(data)).toEqual({ok: false, reason});
	});

	it('keeps a 256-character id verbatim and stores -0 as 0', () => {
		const id = `\u001B[31m${'é'.repeat(251)}`;
		const parsed = parsePayload(
			JSON.stringify({exam: 0, studentId: id, score: -0}),
		);
		expect(parsed.ok && parsed.value.studentId).toBe(id);
		expect(parsed.ok && Object.is(parsed.value.score, 0)).toBe(true);
	});

	it('accepts an id with a surrogate pair, escaped or not', () => {
		const escaped = parsePayload(
			'{"exam": 1, "studentId": "\\ud83d\\ude00x", "score": 0.5}',
		);
		expect(escaped.ok && escaped.value.studentId).toBe('😀x');
		const raw = parsePayload('{"exam": 1, "studentId": "😀x", "score": 0.5}');
		expect(raw.ok && raw.value.studentId).toBe('😀x');
	});
});

describe('rejectData', () => {
	it('keeps well-formed text as it is', () => {
		const data = '{"studentId":"\\ud800","x":"😀é"}';
		expect(rejectData(data)).toBe(data);
	});

	it('writes each lone surrogate as its escape and keeps pairs', () => {
		expect(rejectData('a\ud800b\udfffc😀\ud83d')).toBe(
			'a\\ud800b\\udfffc😀\\ud83d',
		);
	});
});
