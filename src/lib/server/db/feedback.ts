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

/**
 * The `count` earliest of a session's feedback, the room's first, in no particular order so that
 * none can be matched to its arrival.
 */
export function listFeedback(sessionId: number, count: number): Feedback[] {
	return (
		sql(
			`SELECT keep, missing, lived, late FROM (
			   SELECT keep, missing, lived, late FROM feedback WHERE session_id = ? ORDER BY late, id LIMIT ?)
			 ORDER BY random()`
		).all(sessionId, count) as (Omit<Feedback, 'late'> & { late: number })[]
	).map((row) => ({ ...row, late: row.late === 1 }));
}

/** How many feedback forms a session received in the room, and while it settled. */
export function feedbackCounts(sessionId: number): { inRoom: number; late: number } {
	return sql(
		`SELECT COALESCE(SUM(late = 0), 0) AS inRoom, COALESCE(SUM(late = 1), 0) AS late FROM feedback WHERE session_id = ?`
	).get(sessionId) as { inRoom: number; late: number };
}

/** How many feedback forms a session received. */
export function countFeedback(sessionId: number): number {
	return sql('SELECT COUNT(*) FROM feedback WHERE session_id = ?').pluck().get(sessionId) as number;
}
