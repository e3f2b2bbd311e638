/** A score event that passed validation, as the writer stores it. */
export type ScoreRecord = {
	studentId: string;
	exam: number;
	score: number;
	/** Milliseconds since the epoch when the event was read. */
	receivedAt: number;
	/** The event's own id, when the stream sent one. */
	eventId?: string;
};

/** A payload that failed validation, kept with its raw data. */
export type RejectRecord = {
	receivedAt: number;
	reason: string;
	data: string;
	eventId?: string;
};

/** What one transaction commits. */
export type Batch = {
	scores: ScoreRecord[];
	rejects: RejectRecord[];
	/**
	 * The id to send as Last-Event-ID after this batch: null clears it,
	 * undefined leaves the stored one as it is.
	 */
	resumeId?: string | null;
};
