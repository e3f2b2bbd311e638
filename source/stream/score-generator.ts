/** One score event as the built-in stream server sends it. */
export type GeneratedScore = {
	studentId: string;
	exam: number;
	score: number;
};

export type ScoreGeneratorOptions = {
	seed: number;
	rosterSize: number;
};

/**
 * Events numbered from 1. Every method is a pure function of the seed, the
 * roster size and n, so a restarted server can resume at any n.
 */
export type ScoreGenerator = {
	/** Student ids, in roster order; indexes match studentIndexAt. */
	roster: readonly string[];
	eventAt(n: number): GeneratedScore;
	studentIndexAt(n: number): number;
	examAt(n: number): number;
	scoreAt(n: number): number;
};

const firstNames = (
	'Aaliyah Abel Ada Alec Alice Amos Anya Ari Bella Bruno Camila Cecil ' +
	'Dario Delia Eden Elmer Esther Felix Flora Gideon Greta Hannah Hugo ' +
	'Ines Ivan Jada Jonas Kira Lamar Lena Milo Nadia Noel Opal Otto Pearl ' +
	'Quinn Rosa Ruben Selma Soren Tara Ulises Vera Wade Xena Yusuf Zack'
).split(' ');

const lastNames = (
	'Abbott Baumbach Becker Collins Dach Deckow Ernser Fadel Fisher Gleason ' +
	'Goyette Hahn Herman Hills Jakubowski Kertzmann Kuhn Larkin Lowe ' +
	'MacGyver Mann Medhurst Nader Nolan Okuneva Padberg Pouros Quigley ' +
	'Reichel Rohan Sauer Schmitt Stokes Torphy Turner Upton Veum Walsh ' +
	'Wehner Wolff Yost Zieme'
).split(' ');

// Streams keep the draws for each purpose independent of the others.
const rosterStream = 1;
const abilityStream = 2;
const shuffleStream = 3;
const scoreStream = 4;
const examStream = 5;

const golden = 0x9e_37_79_b9;
const twoTo32 = 2 ** 32;
const twoTo53 = 2 ** 53;

/** An avalanching 32-bit integer hash (the splitmix32 finaliser). */
function mix32(value: number): number {
	let x = value | 0;
	x ^= x >>> 16;
	x = Math.imul(x, 0x7f_eb_35_2d);
	x ^= x >>> 15;
	x = Math.imul(x, 0x84_6c_a6_8b);
	x ^= x >>> 16;
	return x >>> 0;
}

/** A key for (seed, stream, index); index may exceed 32 bits. */
function keyFor(seed: number, stream: number, index: number): number {
	const low = index >>> 0;
	const high = Math.floor(index / twoTo32) >>> 0;
	const base = mix32(seed ^ Math.imul(stream, golden));
	return mix32(mix32(base ^ low) ^ mix32(high + golden));
}

/** The k-th 32-bit draw for a key: a counter-based splitmix32. */
function draw32(key: number, k: number): number {
	return mix32(key + Math.imul(k + 1, golden));
}

/** A uniform double in [0, 1) with all 53 bits random. */
function uniform(key: number, k: number): number {
	const high = draw32(key, k) >>> 5;
	const low = draw32(key, k + 1) >>> 6;
	return (high * 2 ** 26 + low) / twoTo53;
}

function pick<T>(items: readonly T[], key: number, k: number): T {
	return items[draw32(key, k) % items.length]!;
}

/** A name in one of faker's username shapes: Zack20, Ada.Nolan, Ada_Nolan7. */
function username(key: number): string {
	const first = pick(firstNames, key, 0);
	const last = pick(lastNames, key, 1);
	const separator = draw32(key, 2) % 2 === 0 ? '.' : '_';
	const number = draw32(key, 3) % 100;

	switch (draw32(key, 4) % 3) {
		case 0:
			return `${first}${number}`;
		case 1:
			return `${first}${separator}${last}`;
		default:
			return `${first}${separator}${last}${number}`;
	}
}

function buildRoster(seed: number, size: number): string[] {
	const ids = new Set<string>();

	// Redraw on a clash so every student id in a roster is distinct.
	for (let attempt = 0; ids.size < size; attempt++) {
		ids.add(username(keyFor(seed, rosterStream, attempt)));
	}

	return [...ids];
}

/** A standard normal draw (Box-Muller). */
function gaussian(key: number): number {
	const radius = Math.sqrt(-2 * Math.log(1 - uniform(key, 0)));
	return radius * Math.cos(2 * Math.PI * uniform(key, 2));
}

function shuffleInto(order: Int32Array, key: number): void {
	for (let index = 0; index < order.length; index++) {
		order[index] = index;
	}

	for (let index = order.length - 1; index > 0; index--) {
		const other = draw32(key, index) % (index + 1);
		const held = order[index]!;
		order[index] = order[other]!;
		order[other] = held;
	}
}

function checkOptions({seed, rosterSize}: ScoreGeneratorOptions): void {
	if (!Number.isSafeInteger(seed)) {
		throw new RangeError(`seed must be an integer, got ${seed}`);
	}

	if (!Number.isInteger(rosterSize) || rosterSize < 1 || rosterSize > 10_000) {
		throw new RangeError(
			`roster size must be an integer from 1 to 10000, got ${rosterSize}`,
		);
	}
}

/** Creates the deterministic source of score events for one seed. */
export function createScoreGenerator(
	options: ScoreGeneratorOptions,
): ScoreGenerator {
	checkOptions(options);
	const {rosterSize} = options;
	const seed = mix32(options.seed >>> 0) ^ Math.floor(options.seed / twoTo32);
	const roster = buildRoster(seed, rosterSize);
	const firstExam = 10_000 + (keyFor(seed, examStream, 0) % 5000);

	// Each student has a typical level, so scores cluster per student.
	const ability = Float64Array.from(
		roster,
		(_, index) => 0.66 + 0.13 * uniform(keyFor(seed, abilityStream, index), 0),
	);

	// Consecutive events share an exam, so keep the last exam's order.
	const order = new Int32Array(rosterSize);
	let orderExam = -1;

	const studentIndexAt = (n: number): number => {
		const examIndex = Math.floor((n - 1) / rosterSize);
		if (examIndex !== orderExam) {
			shuffleInto(order, keyFor(seed, shuffleStream, examIndex));
			orderExam = examIndex;
		}

		return order[(n - 1) % rosterSize]!;
	};

	const examAt = (n: number): number =>
		firstExam + Math.floor((n - 1) / rosterSize);

	const scoreAt = (n: number): number => {
		const level = ability[studentIndexAt(n)]!;
		const score = level + 0.05 * gaussian(keyFor(seed, scoreStream, n));
		return Math.min(1, Math.max(0, score));
	};

	const eventAt = (n: number): GeneratedScore => ({
		studentId: roster[studentIndexAt(n)]!,
		exam: examAt(n),
		score: scoreAt(n),
	});

	return {roster, eventAt, studentIndexAt, examAt, scoreAt};
}
