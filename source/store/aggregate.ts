import {meanOf} from './exact-sum.js';

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

export function averageOf(aggregate: Aggregate): number {
	return meanOf(aggregate.units, aggregate.count);
}

/** The 0-9 bucket of a score; 1.0 falls in the top bucket. */
export function bucketOf(score: number): number {
	return Math.min(9, Math.floor(score * 10));
}
