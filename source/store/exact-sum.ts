/**
 * Exact sums of doubles. Every finite double is an integer multiple of
 * 2^-1074, so a sum of doubles is held exactly as a BigInt count of that unit.
 * Averages are then rounded once, correctly, instead of carrying the rounding
 * error of every addition.
 */

const UNIT_EXPONENT = 1074n;
const view = new DataView(new ArrayBuffer(8));

/** The exact value of a finite, non-negative double in units of 2^-1074. */
export function toUnits(value: number): bigint {
	view.setFloat64(0, value);
	const high = view.getUint32(0);
	const low = view.getUint32(4);
	const biasedExponent = (high >>> 20) & 0x7_ff;
	const mantissa = (BigInt(high & 0xf_ff_ff) << 32n) | BigInt(low);

	if (biasedExponent === 0) {
		return mantissa;
	}

	const shift = BigInt(biasedExponent - 1);
	return ((1n << 52n) | mantissa) << shift;
}

/** The double nearest to units / count (ties to even), for units >= 0. */
export function meanOf(units: bigint, count: number): number {
	if (count <= 0) {
		return Number.NaN;
	}

	if (units === 0n) {
		return 0;
	}

	// Scale so that the quotient has about 66 bits: Number() then rounds it
	// correctly to 53, with a set low bit standing in for a lost remainder.
	let divisor = BigInt(count);
	const shift = 66 - (bitLength(units) - bitLength(divisor));
	const numerator = shift >= 0 ? units << BigInt(shift) : units;
	if (shift < 0) {
		divisor <<= BigInt(-shift);
	}

	let quotient = numerator / divisor;
	if (quotient * divisor !== numerator) {
		quotient |= 1n;
	}

	return scaleDown(Number(quotient), Number(UNIT_EXPONENT) + shift);
}

function bitLength(value: bigint): number {
	const hex = value.toString(16);
	const leading = Number.parseInt(hex[0] ?? '0', 16);
	return (hex.length - 1) * 4 + (32 - Math.clz32(leading));
}

/** Multiplies by 2^-exponent in steps that stay within the double range. */
function scaleDown(value: number, exponent: number): number {
	let result = value;
	let remaining = exponent;
	while (remaining !== 0) {
		const step = Math.max(-1000, Math.min(remaining, 1000));
		result *= 2 ** -step;
		remaining -= step;
	}

	return result;
}

/**
 * Serialises a sum for storage: hex digits and a count of trailing zero
 * digits ("b3f4p250"), since a sum of scores near 1 is mostly zero bits.
 */
export function encodeUnits(units: bigint): string {
	const hex = units.toString(16);
	const digits = hex.replace(/0+$/, '') || '0';
	const zeros = hex.length - digits.length;
	return zeros > 0 ? `${digits}p${zeros}` : digits;
}

export function decodeUnits(text: string | null | undefined): bigint {
	if (!text) {
		return 0n;
	}

	const [digits = '0', zeros = '0'] = text.split('p');
	return BigInt(`0x${digits}`) << BigInt(Number(zeros) * 4);
}

/**
 * A running exact sum held as a few non-overlapping doubles whose sum is
 * the exact total (the partials of Shewchuk's algorithm, which Python's
 * math.fsum also keeps). Adding a score costs a few float operations, not
 * a BigInt: a batch adds its scores here and converts to units once per
 * student and exam. Scores from 0 to 1 keep one to three partials.
 */
export class PartialSum {
	private readonly partials: number[] = [];

	add(value: number): void {
		const partials = this.partials;
		let high = value;
		let kept = 0;
		for (let index = 0; index < partials.length; index++) {
			let low = partials[index]!;
			if (Math.abs(high) < Math.abs(low)) {
				const larger = low;
				low = high;
				high = larger;
			}

			// Both additions are exact when |high| >= |low| (Dekker's Fast2Sum).
			const sum = high + low;
			const error = low - (sum - high);
			if (error !== 0) {
				partials[kept] = error;
				kept += 1;
			}

			high = sum;
		}

		partials[kept] = high;
		partials.length = kept + 1;
	}

	/** The exact sum in units of 2^-1074. */
	units(): bigint {
		let total = 0n;
		for (const partial of this.partials) {
			total += partial < 0 ? -toUnits(-partial) : toUnits(partial);
		}

		return total;
	}
}
