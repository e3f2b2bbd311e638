import type {
	ExamSummary,
	Result,
	StudentSummary,
} from '../store/query-types.js';

/** How the API shows things: times as ISO 8601, numbers as stored. */
export function iso(milliseconds: number): string {
	return new Date(milliseconds).toISOString();
}

export function studentShape(student: StudentSummary) {
	return {
		studentId: student.studentId,
		count: student.count,
		average: student.average,
		min: student.min,
		max: student.max,
		firstSeen: iso(student.firstSeen),
		lastSeen: iso(student.lastSeen),
	};
}

export function examShape(exam: ExamSummary) {
	return {
		exam: exam.exam,
		count: exam.count,
		average: exam.average,
		min: exam.min,
		max: exam.max,
		firstSeen: iso(exam.firstSeen),
		lastSeen: iso(exam.lastSeen),
	};
}

export function resultShape(result: Result) {
	return {
		studentId: result.studentId,
		exam: result.exam,
		score: result.score,
		receivedAt: iso(result.receivedAt),
		eventId: result.eventId,
	};
}
