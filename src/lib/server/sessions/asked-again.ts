import { sameQuestion, wordingKey, type QuestionKey } from '$lib/pact/wording';
import { mayReleaseAgain } from '$lib/scoring/disclosure';
import { releasedRuleVoters } from '$lib/server/db/consents';
import { findClause } from '$lib/server/db/pact';
import { releasedRounds, unrecordedReleases } from '$lib/server/db/pact-rounds';
import { findRelease } from '$lib/server/db/releases';
import type { Session } from '$lib/server/db/sessions';
import type { FrameRelease } from './releases';

// Rule 5 of scoring/disclosure.ts for one session: a tally is the answer to a question, and the
// same question may be put to the room more than once (a clause reworded or written again, a ground
// rule in a clause's words). What the session released before is kept as questions, each with who
// chose (the phones' consent keys, never their choices) and the k it was released under, until the
// session settles.

/** A question released earlier in the session, as rule 5 compares it. */
export interface AskedQuestion extends QuestionKey {
	voters: ReadonlySet<string>;
	threshold: number;
}

/** The session's released pact rounds and ground rules, and whether some were released unrecorded. */
function askedSoFar(session: Session, threshold: number) {
	const asked: AskedQuestion[] = releasedRounds(session.id);
	// Rounds released before who chose was recorded (a session running while the app was upgraded).
	const unrecorded: QuestionKey[] = unrecordedReleases(session.id).map((round) => ({
		clauseId: round.clauseId,
		libraryId: findClause(session.groupId, round.clauseId)?.libraryId ?? null,
		wordingKey: wordingKey(round.text)
	}));
	const frame = findRelease<FrameRelease>(session.id, 'frame');
	let unrecordedRules = false;
	for (const rule of frame?.rules ?? []) {
		if (!rule.tally) continue;
		if (rule.wordingKey === undefined) unrecordedRules = true;
		else {
			asked.push({
				clauseId: null,
				libraryId: null,
				wordingKey: rule.wordingKey,
				voters: releasedRuleVoters(session.id, rule.ruleId),
				threshold: frame?.threshold ?? threshold
			});
		}
	}
	return { asked, unrecorded, unrecordedRules };
}

/**
 * Whether a tally over these voters may be released, given what the session released before on the
 * same question and what goes out `alongside` it: rule 5 with the largest k of them. A release that
 * was not recorded cannot be compared with, so it holds this one back.
 */
export function mayAskAgain(
	session: Session,
	question: QuestionKey,
	voters: ReadonlySet<string>,
	threshold: number,
	alongside: readonly AskedQuestion[] = []
): boolean {
	const { asked, unrecorded, unrecordedRules } = askedSoFar(session, threshold);
	if (unrecordedRules || unrecorded.some((earlier) => sameQuestion(earlier, question))) return false;
	const same = [...asked, ...alongside].filter((earlier) => sameQuestion(earlier, question));
	const k = Math.max(threshold, ...same.map((earlier) => earlier.threshold));
	return mayReleaseAgain(
		voters,
		same.map((earlier) => earlier.voters),
		k
	);
}
