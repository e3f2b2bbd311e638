import {meanOf, toUnits} from './exact-sum.js';

/** Count, exact sum, extremes and times of a set of results. */
export type Aggregate = {
	count: number;
	units: bigint;
	min: number;
	max: number;
	firstSeen: number;
	lastSeen: number;
};

export function emptyAggregate(): Aggregate {
	return {
		count: 0,
		units: 0n,
		min: Number.POSITIVE_INFINITY,
		max: Number.NEGATIVE_INFINITY,
		firstSeen: Number.POSITIVE_INFINITY,
		lastSeen: Number.NEGATIVE_INFINITY,
	};
}

/** Adds one result; `units` is `toUnits(score)`, computed once a score. */
export function addResult(
	aggregate: Aggregate,
	score: number,
	receivedAt: number,
	units = toUnits(score),
): void {
	aggregate.count += 1;
	aggregate.units += units;
	aggregate.min = Math.min(aggregate.min, score);
	aggregate.max = Math.max(aggregate.max, score);
	aggregate.firstSeen = Math.min(aggregate.firstSeen, receivedAt);
	aggregate.lastSeen = Math.max(aggregate.lastSeen, receivedAt);
}

export function averageOf(aggregate: Aggregate): number {
	return meanOf(aggregate.units, aggregate.count);
}

/** The 0-9 bucket of a score; 1.0 falls in the top bucket. */
export function bucketOf(score: number): number {
	return Math.min(9, Math.floor(score * 10));
}
