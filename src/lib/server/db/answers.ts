import type { Rating } from '$lib/scoring/rating';
import { sql } from './connection';

export interface AnswerRow {
	level: string;
	principleId: string;
	a: Rating;
	b: Rating;
}

const changes = new Map<number, number>();

/** How many times this process changed a session's answers: what cached results are keyed on. */
export function answersChanges(sessionId: number): number {
	return changes.get(sessionId) ?? 0;
}

const changed = (sessionId: number) => changes.set(sessionId, answersChanges(sessionId) + 1);

/**
 * Saves or replaces one participant's two ratings for a principle at a level. With the phone's
 * sequence (`seq`, growing with each of its sends), an answer older than the one stored is
 * ignored: the newest send wins, whatever order the network delivers them in. A form posted
 * without JavaScript has none and always wins. Gives whether the answer was stored.
 */
export function saveAnswer(
	participantId: number,
	sessionId: number,
	answer: AnswerRow,
	at = Date.now(),
	seq: number | null = null
): boolean {
	const stored =
		sql(
			`INSERT INTO answers (participant_id, session_id, level, principle_id, rating_a, rating_b, answered_at, sent_seq)
			 VALUES (?, ?, ?, ?, ?, ?, ?, ?)
			 ON CONFLICT (participant_id, level, principle_id)
			 DO UPDATE SET rating_a = excluded.rating_a, rating_b = excluded.rating_b, answered_at = excluded.answered_at,
			 sent_seq = excluded.sent_seq
			 WHERE excluded.sent_seq IS NULL OR answers.sent_seq IS NULL OR excluded.sent_seq >= answers.sent_seq`
		).run(participantId, sessionId, answer.level, answer.principleId, answer.a, answer.b, at, seq).changes > 0;
	if (stored) changed(sessionId);
	return stored;
}

/** One participant's answers (only ever shown back to that participant). */
export function participantAnswers(participantId: number): AnswerRow[] {
	return sql(
		'SELECT level, principle_id AS principleId, rating_a AS a, rating_b AS b FROM answers WHERE participant_id = ?'
	).all(participantId) as AnswerRow[];
}

/** Every answer of a session, without who gave it, for aggregation. */
export function sessionAnswers(sessionId: number): AnswerRow[] {
	return sql(
		'SELECT level, principle_id AS principleId, rating_a AS a, rating_b AS b FROM answers WHERE session_id = ?'
	).all(sessionId) as AnswerRow[];
}

/**
 * How many participants gave at least one answer at these levels, and how many answered at least
 * itemsPerParticipant of them (finished the questionnaire): one pass over the session's answers.
 */
export function countQuestionnaire(
	sessionId: number,
	levels: string[],
	itemsPerParticipant: number
): { answering: number; completed: number } {
	if (levels.length === 0) return { answering: 0, completed: 0 };
	return sql(
		`SELECT COUNT(*) AS answering, COALESCE(SUM(n >= ?), 0) AS completed
		 FROM (SELECT COUNT(*) AS n FROM answers
		 WHERE session_id = ? AND level IN (SELECT value FROM json_each(?)) GROUP BY participant_id)`
	).get(itemsPerParticipant, sessionId, JSON.stringify(levels)) as { answering: number; completed: number };
}

/** Every answer of a session with the kind of actor who gave it (never who), for breakdowns. */
export function sessionAnswersByKind(sessionId: number): (AnswerRow & { actorKind: string | null })[] {
	return sql(
		`SELECT a.level, a.principle_id AS principleId, a.rating_a AS a, a.rating_b AS b, p.actor_kind AS actorKind
		 FROM answers a JOIN participants p ON p.id = a.participant_id WHERE a.session_id = ?`
	).all(sessionId) as (AnswerRow & { actorKind: string | null })[];
}

/** How many participants answered at least once. */
export function countRespondents(sessionId: number): number {
	return sql('SELECT COUNT(DISTINCT participant_id) FROM answers WHERE session_id = ?')
		.pluck()
		.get(sessionId) as number;
}

/** Deletes a session's raw answers (its snapshot stays). */
export function deleteSessionAnswers(sessionId: number): number {
	changed(sessionId);
	return sql('DELETE FROM answers WHERE session_id = ?').run(sessionId).changes;
}

/** How many raw answers a session still keeps. */
export function countSessionAnswers(sessionId: number): number {
	return sql('SELECT COUNT(*) FROM answers WHERE session_id = ?').pluck().get(sessionId) as number;
}
