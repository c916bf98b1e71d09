import { sql } from './connection';

export interface Feedback {
	keep: string;
	missing: string;
	lived: string;
	late: boolean;
}

/** Adds an anonymous « retour nourrissant »; late ones arrive while the session settles. */
export function addFeedback(sessionId: number, feedback: Feedback): void {
	sql('INSERT INTO feedback (session_id, keep, missing, lived, late, created_at) VALUES (?, ?, ?, ?, ?, ?)').run(
		sessionId,
		feedback.keep,
		feedback.missing,
		feedback.lived,
		feedback.late ? 1 : 0,
		Date.now()
	);
}

/** A session's feedback, in no particular order so that it cannot be matched to arrivals. */
export function listFeedback(sessionId: number): Feedback[] {
	return (
		sql('SELECT keep, missing, lived, late FROM feedback WHERE session_id = ? ORDER BY random()').all(
			sessionId
		) as (Omit<Feedback, 'late'> & { late: number })[]
	).map((row) => ({ ...row, late: row.late === 1 }));
}

/** How many feedback forms a session received. */
export function countFeedback(sessionId: number): number {
	return sql('SELECT COUNT(*) FROM feedback WHERE session_id = ?').pluck().get(sessionId) as number;
}
