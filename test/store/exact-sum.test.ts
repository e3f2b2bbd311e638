import {describe, expect, it} from 'vitest';
import {
	decodeUnits,
	encodeUnits,
	meanOf,
	PartialSum,
	toUnits,
} from '../../source/store/exact-sum.js';

/** The obvious mean: rounds after every addition. */
function referenceMean(values: number[]): number {
	return values.reduce((sum, value) => sum + value, 0) / values.length;
}

describe('exact sums', () => {
	it('round-trips every kind of double in [0, 1]', () => {
		for (const value of [
			0, 1, 0.5, 0.1, 0.6815787969197457, 5e-324, 2.2250738585072014e-308,
			1e-300,
		]) {
			expect(meanOf(toUnits(value), 1)).toBe(value);
		}
	});

	it('gives the exact mean where plain summation drifts', () => {
		// 0.1 ten times sums to 0.9999999999999999 in doubles; the exact sum of
		// the ten stored doubles is a hair above 1, whose mean is 0.1 exactly.
		const values = Array.from({length: 10}, () => 0.1);
		const units = values.reduce((sum, value) => sum + toUnits(value), 0n);
		expect(meanOf(units, 10)).toBe(0.1);
		expect(referenceMean(values)).not.toBe(0.1);
	});

	it('matches plain summation when that summation is exact', () => {
		// Multiples of 2^-20 add without rounding, so the two must agree.
		const values = Array.from(
			{length: 1000},
			(_, index) => ((index * 7919) % 1_048_576) / 1_048_576,
		);
		const units = values.reduce((sum, value) => sum + toUnits(value), 0n);
		expect(meanOf(units, values.length)).toBe(referenceMean(values));
	});

	it('stores sums compactly and reads them back', () => {
		const units = toUnits(0.75) + toUnits(0.6815787969197457);
		const encoded = encodeUnits(units);
		expect(encoded.length).toBeLessThan(30);
		expect(decodeUnits(encoded)).toBe(units);
		expect(decodeUnits(encodeUnits(0n))).toBe(0n);
	});
});

/** A small seeded generator, so a failure can be replayed. */
function seeded(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
		return state / 2 ** 32;
	};
}

describe('PartialSum', () => {
	const cases: Record<string, (next: () => number) => number> = {
		'uniform scores': (next) => next(),
		'full-precision scores': (next) => next() + next() * 2 ** -32,
		'ones and subnormals': (next) =>
			next() < 0.5 ? 1 : Math.floor(next() * 1000) * 5e-324,
		'every scale from 1 down to 2^-1074': (next) =>
			2 ** -Math.floor(next() * 1075) * (1 - next() * 2 ** -20),
		'values just below 1 and tenths': (next) =>
			next() < 0.5 ? 1 - 2 ** -53 : Math.floor(next() * 10) / 10,
	};

	for (const [name, draw] of Object.entries(cases)) {
		it(`adds ${name} exactly, as the BigInt sum of their units`, () => {
			const next = seeded(name.length);
			const sum = new PartialSum();
			let exact = 0n;
			for (let index = 0; index < 5000; index++) {
				const value = draw(next);
				sum.add(value);
				exact += toUnits(value);
			}

			expect(sum.units()).toBe(exact);
		});
	}

	it('is zero before anything is added', () => {
		expect(new PartialSum().units()).toBe(0n);
	});
});
