import { sql } from './connection';

export const actorKinds = ['elu', 'agent', 'association', 'habitant', 'entreprise', 'autre'] as const;
export type ActorKind = (typeof actorKinds)[number];

export interface Participant {
	id: number;
	sessionId: number;
	actorKind: ActorKind | null;
	cardsSent: number;
}

const columns = 'id, session_id AS sessionId, actor_kind AS actorKind, cards_sent AS cardsSent';

/** Adds a participant known by the hash of their cookie token; returns its id. */
export function createParticipant(sessionId: number, tokenHash: string): number {
	return Number(
		sql('INSERT INTO participants (session_id, token_hash, joined_at) VALUES (?, ?, ?)').run(
			sessionId,
			tokenHash,
			Date.now()
		).lastInsertRowid
	);
}

/** The participant of a session behind a token hash. */
export function findParticipant(sessionId: number, tokenHash: string): Participant | undefined {
	return sql(`SELECT ${columns} FROM participants WHERE session_id = ? AND token_hash = ?`).get(
		sessionId,
		tokenHash
	) as Participant | undefined;
}

/** Sets a participant's kind of actor (their first name is kept apart, in room-names.ts). */
export function setActorKind(id: number, actorKind: ActorKind | null): void {
	sql('UPDATE participants SET actor_kind = ? WHERE id = ?').run(actorKind, id);
}

/** Counts one more card sent by a participant. */
export function countCardSent(id: number): void {
	sql('UPDATE participants SET cards_sent = cards_sent + 1 WHERE id = ?').run(id);
}

/** How many people joined a session. */
export function countParticipants(sessionId: number): number {
	return sql('SELECT COUNT(*) FROM participants WHERE session_id = ?').pluck().get(sessionId) as number;
}

/** How many cards, « retours » in the room and late reflections a participant sent (never what). */
export function participantSends(id: number): { cards: number; feedback: number; lateFeedback: number } {
	return (
		(sql(
			'SELECT cards_sent AS cards, feedback_sent AS feedback, late_feedback_sent AS lateFeedback FROM participants WHERE id = ?'
		).get(id) as { cards: number; feedback: number; lateFeedback: number } | undefined) ?? {
			cards: 0,
			feedback: 0,
			lateFeedback: 0
		}
	);
}

/** Counts one more « retour » sent by a participant, in the room or late. */
export function countFeedbackSent(id: number, late: boolean): void {
	sql(
		late
			? 'UPDATE participants SET late_feedback_sent = late_feedback_sent + 1 WHERE id = ?'
			: 'UPDATE participants SET feedback_sent = feedback_sent + 1 WHERE id = ?'
	).run(id);
}
