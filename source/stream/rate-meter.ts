/** Events per second over a sliding window of one-second buckets. */
export class RateMeter {
	private readonly buckets: number[];
	private current = 0;
	private currentSecond = Math.floor(Date.now() / 1000);

	constructor(private readonly seconds = 3) {
		this.buckets = Array.from({length: seconds}, () => 0);
	}

	add(count: number, now = Date.now()): void {
		this.roll(now);
		this.current += count;
	}

	/** The mean rate over the last full seconds. */
	rate(now = Date.now()): number {
		this.roll(now);
		const total = this.buckets.reduce((sum, value) => sum + value, 0);
		return Math.round(total / this.seconds);
	}

	private roll(now: number): void {
		const second = Math.floor(now / 1000);
		if (second - this.currentSecond > this.seconds) {
			this.buckets.fill(0);
			this.current = 0;
			this.currentSecond = second;
		}

		while (this.currentSecond < second) {
			this.buckets.shift();
			this.buckets.push(this.current);
			this.current = 0;
			this.currentSecond += 1;
		}
	}
}
