import { addCard, countCards } from '$lib/server/db/cards';
import { transaction } from '$lib/server/db/connection';
import { addFeedback, countFeedback, type Feedback } from '$lib/server/db/feedback';
import {
	countCardSent,
	countFeedbackSent,
	countParticipants,
	participantSends,
	type Participant
} from '$lib/server/db/participants';
import { findSession } from '$lib/server/db/sessions';
import { participantsFrom } from '$lib/server/limits/room-addresses';
import { addressKey } from '$lib/server/limits/window-counter';
import { m } from '$lib/paraglide/messages';

// Cards and feedback are bounded per participant, per session, and per address within a session
// (a budget that grows with the participants who joined from it), so that a phone that drops its
// cookie and joins again cannot start afresh, while a room behind one venue address can still
// send what a room ordinarily sends.
export const maxCardsPerParticipant = 10;
/** One « retour » in the room and one late reflection per phone: k texts shown together are k phones. */
export const maxFeedbackPerParticipant = 1;
export const maxCardsPerSession = 3000;
export const maxFeedbackPerSession = 2000;
export const cardsPerJoinFromAddress = 3;
export const feedbackPerJoinFromAddress = 1;

const sentFrom = new Map<string, number>();

function addressBudget(sessionId: number, address: string, own: number, perJoin: number): number {
	return own + perJoin * participantsFrom(sessionId, address, () => countParticipants(sessionId));
}

function countFrom(kind: string, sessionId: number, address: string, add = 0): number {
	const key = `${kind} ${sessionId} ${addressKey(address)}`;
	const count = (sentFrom.get(key) ?? 0) + add;
	if (add) {
		if (sentFrom.size > 50_000) sentFrom.clear();
		sentFrom.set(key, count);
	}
	return count;
}

/** Adds a participant's card, or returns the message that says why not. */
export function sendCard(sessionId: number, participant: Participant, address: string, text: string): string | null {
	return transaction(() => {
		if (participantSends(participant.id).cards >= maxCardsPerParticipant) {
			return m.card_error_limit({ max: maxCardsPerParticipant });
		}
		if (countCards(sessionId) >= maxCardsPerSession) return m.contribution_error_session_full();
		const budget = addressBudget(sessionId, address, maxCardsPerParticipant, cardsPerJoinFromAddress);
		if (countFrom('card', sessionId, address) >= budget) return m.contribution_error_too_many_here();
		addCard(sessionId, text);
		countCardSent(participant.id);
		countFrom('card', sessionId, address, 1);
		return null;
	});
}

/**
 * Adds a participant's « retour », or returns why not. It is late when the session has closed by
 * the time it is written (read here, not when the request came in, so that a send that arrives just
 * after the close does not join the room's, which were released already).
 */
export function sendFeedback(
	sessionId: number,
	participant: Participant,
	address: string,
	feedback: Omit<Feedback, 'late'>
): string | null {
	return transaction(() => {
		const late = findSession(sessionId)?.status === 'settling';
		const sent = participantSends(participant.id);
		if ((late ? sent.lateFeedback : sent.feedback) >= maxFeedbackPerParticipant) {
			return late ? m.feedback_error_late_sent() : m.feedback_error_sent();
		}
		if (countFeedback(sessionId) >= maxFeedbackPerSession) return m.contribution_error_session_full();
		const budget = addressBudget(sessionId, address, 2 * maxFeedbackPerParticipant, feedbackPerJoinFromAddress);
		if (countFrom('feedback', sessionId, address) >= budget) return m.contribution_error_too_many_here();
		addFeedback(sessionId, { ...feedback, late });
		countFeedbackSent(participant.id, late);
		countFrom('feedback', sessionId, address, 1);
		return null;
	});
}
