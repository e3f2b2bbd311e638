/** One stored score as readers see it. */
export type Result = {
	studentId: string;
	exam: number;
	score: number;
	receivedAt: number;
	eventId: string;
};

export type Summary = {
	count: number;
	average: number;
	min: number;
	max: number;
};

export type StudentSummary = Summary & {
	studentId: string;
	firstSeen: number;
	lastSeen: number;
};

export type ExamSummary = Summary & {
	exam: number;
	firstSeen: number;
	lastSeen: number;
};

export type StudentSort = 'id' | 'average' | 'count' | 'lastSeen';

export type StudentsQuery = {
	sort?: StudentSort;
	descending?: boolean;
	filter?: string;
	offset?: number;
	limit?: number;
};

export type Page<T> = {rows: T[]; total: number; offset: number};

export type StudentDetail = StudentSummary & {results: Result[]};

export type ExamDetail = ExamSummary & {
	results: Result[];
	/** Result counts in ten score bands: [0, 0.1), [0.1, 0.2) ... [0.9, 1]. */
	distribution: number[];
};

export type Totals = {
	scores: number;
	students: number;
	exams: number;
	rejects: number;
};

export type RejectRow = {
	receivedAt: number;
	reason: string;
	data: string;
	eventId: string;
};
