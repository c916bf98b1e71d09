import { sql } from './connection';

export type CardStatus = 'pending' | 'approved' | 'rejected';

export interface Card {
	id: number;
	text: string;
	status: CardStatus;
}

/** Adds an anonymous card, waiting for the facilitator's approval. */
export function addCard(sessionId: number, text: string): void {
	sql('INSERT INTO cards (session_id, text, created_at) VALUES (?, ?, ?)').run(sessionId, text, Date.now());
}

/** A session's cards, optionally of one status, oldest first. */
export function listCards(sessionId: number, status?: CardStatus): Card[] {
	return status
		? (sql('SELECT id, text, status FROM cards WHERE session_id = ? AND status = ? ORDER BY id').all(
				sessionId,
				status
			) as Card[])
		: (sql('SELECT id, text, status FROM cards WHERE session_id = ? ORDER BY id').all(sessionId) as Card[]);
}

/** Approves or rejects a card of a session; returns false when there is no such card. */
export function setCardStatus(sessionId: number, cardId: number, status: CardStatus): boolean {
	return sql('UPDATE cards SET status = ? WHERE id = ? AND session_id = ?').run(status, cardId, sessionId).changes > 0;
}

/** How many cards a session received. */
export function countCards(sessionId: number): number {
	return sql('SELECT COUNT(*) FROM cards WHERE session_id = ?').pluck().get(sessionId) as number;
}
