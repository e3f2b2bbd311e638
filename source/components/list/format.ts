/** Scores and averages: four decimals, enough to tell students apart. */
export function score(value: number | undefined): string {
	return value === undefined ? '' : value.toFixed(4);
}

export function count(value: number): string {
	return value.toLocaleString('en-US');
}

/** Local wall-clock time, HH:MM:SS. */
export function clock(milliseconds: number): string {
	return new Date(milliseconds).toTimeString().slice(0, 8);
}
