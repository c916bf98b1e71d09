import { addCard, countCards } from '$lib/server/db/cards';
import { transaction } from '$lib/server/db/connection';
import { addFeedback, countFeedback, type Feedback } from '$lib/server/db/feedback';
import { countCardSent, countFeedbackSent, participantSends, type Participant } from '$lib/server/db/participants';
import { addressKey, memoryWindowCounter } from '$lib/server/limits/window-counter';
import { m } from '$lib/paraglide/messages';

// Cards and feedback are bounded per participant, per session, and per address within a session,
// so that a phone that drops its cookie and joins again cannot start afresh, while a room of a
// thousand phones behind one venue address still sends what it ordinarily would.
export const maxCardsPerParticipant = 10;
export const maxFeedbackPerParticipant = 3;
export const maxCardsPerSession = 3000;
export const maxFeedbackPerSession = 2000;
export const maxPerAddress = 1500;
export const addressWindow = 10 * 60 * 1000;

const cardsByAddress = memoryWindowCounter(addressWindow);
const feedbackByAddress = memoryWindowCounter(addressWindow);

/** Adds a participant's card, or returns the message that says why not. */
export function sendCard(sessionId: number, participant: Participant, address: string, text: string): string | null {
	const key = `${sessionId} ${addressKey(address)}`;
	return transaction(() => {
		if (participantSends(participant.id).cards >= maxCardsPerParticipant)
			return m.card_error_limit({ max: maxCardsPerParticipant });
		if (countCards(sessionId) >= maxCardsPerSession) return m.contribution_error_session_full();
		if (cardsByAddress.count(key) >= maxPerAddress) return m.contribution_error_too_many_here();
		addCard(sessionId, text);
		countCardSent(participant.id);
		cardsByAddress.add(key);
		return null;
	});
}

/** Adds a participant's feedback (late while the session settles), or returns why not. */
export function sendFeedback(
	sessionId: number,
	participant: Participant,
	address: string,
	feedback: Feedback
): string | null {
	const key = `${sessionId} ${addressKey(address)}`;
	return transaction(() => {
		if (participantSends(participant.id).feedback >= maxFeedbackPerParticipant)
			return m.feedback_error_limit({ max: maxFeedbackPerParticipant });
		if (countFeedback(sessionId) >= maxFeedbackPerSession) return m.contribution_error_session_full();
		if (feedbackByAddress.count(key) >= maxPerAddress) return m.contribution_error_too_many_here();
		addFeedback(sessionId, feedback);
		countFeedbackSent(participant.id);
		feedbackByAddress.add(key);
		return null;
	});
}
