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
 * A session's feedback sent in the room and the `late` earliest of those sent while it settled,
 * in no particular order so that none can be matched to its arrival.
 */
export function listFeedback(sessionId: number, late: number): Feedback[] {
	return (
		sql(
			`SELECT keep, missing, lived, late FROM (
			   SELECT keep, missing, lived, late FROM feedback WHERE session_id = ? AND late = 0
			   UNION ALL
			   SELECT * FROM (SELECT keep, missing, lived, late FROM feedback WHERE session_id = ? AND late = 1
			                  ORDER BY id LIMIT ?))
			 ORDER BY random()`
		).all(sessionId, sessionId, late) as (Omit<Feedback, 'late'> & { late: number })[]
	).map((row) => ({ ...row, late: row.late === 1 }));
}

/** How many reflections a session received while it settled. */
export function countLateFeedback(sessionId: number): number {
	return sql('SELECT COUNT(*) FROM feedback WHERE session_id = ? AND late = 1').pluck().get(sessionId) as number;
}

/** How many feedback forms a session received. */
export function countFeedback(sessionId: number): number {
	return sql('SELECT COUNT(*) FROM feedback WHERE session_id = ?').pluck().get(sessionId) as number;
}
