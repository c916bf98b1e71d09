import { canPutToRoom, stateAfterRound, summarizeRound, type ClauseChoice } from '$lib/pact/pact';
import { transaction } from '$lib/server/db/connection';
import { findClause, listClauses, saveClause } from '$lib/server/db/pact';
import {
	closeRound as saveRoundClosed,
	countRoundChoices,
	forgetRoundChoices,
	openRound as insertRound,
	openRoundOf,
	ownClauseConsent,
	roundChoices,
	saveClauseConsent,
	sessionRounds
} from '$lib/server/db/pact-rounds';
import type { Session } from '$lib/server/db/sessions';

export type RoundRefusal = 'missing' | 'decided' | 'busy' | 'not-live';

/**
 * Puts one clause to the room. The server decides: only in a live session, one clause at a time,
 * and only a wording the room has not decided on yet, so that no tally is ever released twice for
 * sets of phones that differ by a few.
 */
export function putClauseToRoom(session: Session, clauseId: number, now = Date.now()): RoundRefusal | null {
	if (session.status !== 'live') return 'not-live';
	return transaction(() => {
		const clause = findClause(session.groupId, clauseId);
		if (!clause) return 'missing';
		if (!canPutToRoom(clause.state)) return 'decided';
		if (openRoundOf(session.id)) return 'busy';
		insertRound(session.id, clause.id, clause.text, now);
		return null;
	});
}

/**
 * Closes the open round: its tally is released from the group's threshold up and the clause takes
 * its state (consented, or objected as soon as one person objects); below the threshold nothing is
 * released and the clause stays a draft. The per-phone choices are forgotten either way.
 */
export function closeOpenRound(session: Session, threshold: number, now = Date.now()): boolean {
	return transaction(() => {
		const round = openRoundOf(session.id);
		if (!round) return false;
		const summary = summarizeRound(roundChoices(round.id), threshold);
		saveRoundClosed(round.id, summary, now);
		forgetRoundChoices(round.id);
		const state = stateAfterRound(summary);
		const clause = findClause(session.groupId, round.clauseId);
		if (state && clause && clause.text === round.text) {
			saveClause(clause.id, { ...clause, state, tally: summary, disagreement: '' });
		}
		return true;
	});
}

/** A phone's choice on the clause put to the room; false when no round is open on that clause. */
export function consentToClause(
	session: Session,
	voterKey: string,
	clauseId: number,
	choice: ClauseChoice,
	reason: string
): boolean {
	const round = openRoundOf(session.id);
	if (!round || round.clauseId !== clauseId) return false;
	// A reason goes only with an objection, so a consent cannot carry words that single someone out.
	saveClauseConsent(round.id, voterKey, choice, choice === 'object' ? reason : '');
	return true;
}

/** What a phone sees at stage 3: the clause put to the room and its own choice, nothing of others'. */
export function phonePact(session: Session, voterKey: string) {
	const round = openRoundOf(session.id);
	if (!round) return null;
	const own = ownClauseConsent(round.id, voterKey);
	return { clauseId: round.clauseId, text: round.text, choice: own?.choice ?? null, reason: own?.reason ?? '' };
}

/** What the room and the facilitator see of the pact in a session: how many chose, released tallies only. */
export function roomPact(session: Session) {
	const round = openRoundOf(session.id);
	const clauses = listClauses(session.groupId);
	return {
		open: round ? { clauseId: round.clauseId, text: round.text, count: countRoundChoices(round.id) } : null,
		rounds: sessionRounds(session.id)
			.filter((r) => r.closedAt !== null)
			.map((r) => ({ id: r.id, clauseId: r.clauseId, text: r.text, summary: r.summary })),
		clauses
	};
}
