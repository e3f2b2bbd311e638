import {bucketOf, type Aggregate} from './aggregate.js';
import type {ExamAggregate} from './aggregate-rows.js';
import {PartialSum} from './exact-sum.js';

/** An aggregate while a batch is being written; the sum still in partials. */
class RunningTotal {
	count = 0;
	readonly sum = new PartialSum();
	min = Number.POSITIVE_INFINITY;
	max = Number.NEGATIVE_INFINITY;
	firstSeen = Number.POSITIVE_INFINITY;
	lastSeen = Number.NEGATIVE_INFINITY;

	add(score: number, receivedAt: number): void {
		this.count += 1;
		this.sum.add(score);
		this.min = Math.min(this.min, score);
		this.max = Math.max(this.max, score);
		this.firstSeen = Math.min(this.firstSeen, receivedAt);
		this.lastSeen = Math.max(this.lastSeen, receivedAt);
	}

	toAggregate(): Aggregate {
		return {
			count: this.count,
			units: this.sum.units(),
			min: this.min,
			max: this.max,
			firstSeen: this.firstSeen,
			lastSeen: this.lastSeen,
		};
	}
}

/** The totals a batch adds per student and per exam, before the merge. */
export class BatchTotals {
	private readonly students = new Map<number, RunningTotal>();
	private readonly exams = new Map<
		number,
		{total: RunningTotal; distribution: number[]}
	>();

	add(student: number, exam: number, score: number, receivedAt: number): void {
		let studentTotal = this.students.get(student);
		if (!studentTotal) {
			studentTotal = new RunningTotal();
			this.students.set(student, studentTotal);
		}

		studentTotal.add(score, receivedAt);

		let examTotal = this.exams.get(exam);
		if (!examTotal) {
			examTotal = {
				total: new RunningTotal(),
				distribution: Array.from({length: 10}, () => 0),
			};
			this.exams.set(exam, examTotal);
		}

		examTotal.total.add(score, receivedAt);
		examTotal.distribution[bucketOf(score)]! += 1;
	}

	studentAggregates(): Map<number, Aggregate> {
		const aggregates = new Map<number, Aggregate>();
		for (const [student, total] of this.students) {
			aggregates.set(student, total.toAggregate());
		}

		return aggregates;
	}

	examAggregates(): Map<number, ExamAggregate> {
		const aggregates = new Map<number, ExamAggregate>();
		for (const [exam, {total, distribution}] of this.exams) {
			aggregates.set(exam, {...total.toAggregate(), distribution});
		}

		return aggregates;
	}
}
