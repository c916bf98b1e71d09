import { canPutToRoom, stateAfterRound, summarizeRound, withheldRound, type ClauseChoice } from '$lib/pact/pact';
import { wordingKey, type QuestionKey } from '$lib/pact/wording';
import { transaction } from '$lib/server/db/connection';
import { findClause, listClauses, saveClause } from '$lib/server/db/pact';
import {
	closeRound as saveRoundClosed,
	countRoundChoices,
	forgetReleasedRounds,
	forgetRoundChoices,
	forgetSessionClauseConsents,
	openRound as insertRound,
	openRoundOf,
	ownClauseConsent,
	recordReleasedRound,
	roundChoices,
	roundVoterKeys,
	saveClauseConsent,
	sessionRounds
} from '$lib/server/db/pact-rounds';
import type { Session } from '$lib/server/db/sessions';
import { mayAskAgain } from '$lib/server/sessions/asked-again';

export type RoundRefusal = 'missing' | 'decided' | 'busy' | 'not-live';

/**
 * Puts one clause to the room. The server decides: only in a live session, one clause at a time,
 * and only a wording the room has not decided on yet (a reworded clause may go again; its tally is
 * then released only for a room that differs enough from the last one, closeOpenRound).
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
 * released and the clause stays a draft. Nor is anything released when the same question was
 * released before in this session (the clause reworded, written again, or picked twice from the
 * library) and the people who chose then and now would let tallies be subtracted to give a few
 * people's choices (disclosure.ts, rule 5; the larger k of the rounds applies). The per-phone
 * choices are forgotten either way; who chose in a released round is kept until the session
 * settles, for that comparison.
 */
export function closeOpenRound(session: Session, threshold: number, now = Date.now()): boolean {
	return transaction(() => {
		const round = openRoundOf(session.id);
		if (!round) return false;
		const clause = findClause(session.groupId, round.clauseId);
		const question: QuestionKey = {
			clauseId: round.clauseId,
			libraryId: clause?.libraryId ?? null,
			wordingKey: wordingKey(round.text)
		};
		let summary = summarizeRound(roundChoices(round.id), threshold);
		if (summary.tally && !mayAskAgain(session, question, new Set(roundVoterKeys(round.id)), threshold)) {
			summary = withheldRound(summary.n);
		}
		saveRoundClosed(round.id, summary, now);
		if (summary.tally) recordReleasedRound(session.id, { roundId: round.id, ...question, threshold });
		forgetRoundChoices(round.id);
		const state = stateAfterRound(summary);
		if (state && clause && clause.text === round.text) {
			saveClause(clause.id, { ...clause, state, tally: summary, disagreement: '' });
		}
		return true;
	});
}

/** Forgets the pact's per-phone inputs of a session that no longer runs: choices, who chose. */
export function forgetSessionPactInputs(sessionId: number): void {
	forgetSessionClauseConsents(sessionId);
	forgetReleasedRounds(sessionId);
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
