/** A score event that passed validation, as the writer stores it. */
export type ScoreRecord = {
	studentId: string;
	exam: number;
	score: number;
	/** Milliseconds since the epoch when the event was read. */
	receivedAt: number;
	/** The event's last event id, when the stream has sent one. */
	eventId?: string;
	/**
	 * The id came from an earlier event, not an id line of this one: it
	 * does not identify the event, so it is never taken as a duplicate.
	 */
	inheritedId?: boolean;
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
