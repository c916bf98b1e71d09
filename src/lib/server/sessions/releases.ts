import { wordingKey } from '$lib/pact/wording';
import {
	publishTally,
	releasableReflections,
	summarizeCheckins,
	type CheckinSummary,
	type ConsentTally
} from '$lib/scoring/disclosure';
import { deleteSessionCheckins, sessionCheckins } from '$lib/server/db/checkins';
import {
	consentTallies,
	deleteSessionConsents,
	recordReleasedRuleVoters,
	ruleVoterKeys
} from '$lib/server/db/consents';
import { feedbackCounts, listFeedback, type Feedback } from '$lib/server/db/feedback';
import { listGroundRules, type GroundRule } from '$lib/server/db/ground-rules';
import { findRelease, saveRelease } from '$lib/server/db/releases';
import type { Session } from '$lib/server/db/sessions';
import { snapshotThreshold } from '$lib/server/db/snapshots';
import { mayAskAgain, type AskedQuestion } from './asked-again';
import { forgetSessionPactInputs } from '$lib/server/pact/rounds';

export interface FrameRelease {
	/** The threshold the tallies were released under (missing in releases before it was kept). */
	threshold?: number;
	/**
	 * A tally is null below the threshold, or withheld when a pact clause or a rule of close words
	 * was released over a room a few people apart; a released rule keeps the words it was released
	 * with, to compare a later clause with however the rule is edited.
	 */
	rules: { ruleId: number; n: number; tally: ConsentTally | null; withheld?: 'overlap'; wordingKey?: string }[];
}

/**
 * Freezes what the room may see of the check-in: its figures from the set of check-ins as it is
 * now, words shuffled once. Released only from the threshold up; below it nothing is released and
 * the activity may be opened again. Returns whether it was released.
 */
export function releaseCheckin(sessionId: number, threshold: number): boolean {
	if (findRelease(sessionId, 'checkin')) return true;
	const summary = summarizeCheckins(sessionCheckins(sessionId), threshold);
	if (summary.meanAvailability === null) return false;
	saveRelease(sessionId, 'checkin', summary);
	return true;
}

/**
 * Freezes the ground rules' tallies, from the threshold of people who chose up. A rule whose words
 * are close to a pact clause released in this session (or to a rule before it) is one more round of
 * the same question: its tally is withheld unless the rooms differ by none or by k people (rule 5,
 * asked-again.ts), else the two tallies would subtract to a few people's choices. Who chose on each
 * released rule is kept until the session settles, for the clauses put to the room after it.
 */
export function releaseFrame(session: Session, threshold: number): boolean {
	if (findRelease(session.id, 'frame')) return true;
	const byRule = new Map<number, ConsentTally>();
	for (const { ruleId, choice, count } of consentTallies(session.id)) {
		const tally = byRule.get(ruleId) ?? { consent: 0, object: 0, abstain: 0 };
		tally[choice] = count;
		byRule.set(ruleId, tally);
	}
	const texts = new Map(listGroundRules(session.groupId).map((rule) => [rule.id, rule.text]));
	const alongside: AskedQuestion[] = [];
	const rules: FrameRelease['rules'] = [...byRule].map(([ruleId, tally]) => {
		const published = publishTally(tally, threshold);
		const text = texts.get(ruleId);
		// A rule removed while the room chose on it: nothing to show it by, so nothing is released.
		if (text === undefined) return { ruleId, n: published.n, tally: null };
		if (!published.tally) return { ruleId, ...published };
		const question = { clauseId: null, libraryId: null, wordingKey: wordingKey(text) };
		const voters = new Set(ruleVoterKeys(session.id, ruleId));
		if (!mayAskAgain(session, question, voters, threshold, alongside)) {
			return { ruleId, n: published.n, tally: null, withheld: 'overlap' };
		}
		alongside.push({ ...question, voters, threshold });
		return { ruleId, ...published, wordingKey: question.wordingKey };
	});
	if (!rules.some((rule) => rule.tally || rule.withheld)) return false;
	for (const rule of rules) if (rule.tally) recordReleasedRuleVoters(session.id, rule.ruleId);
	saveRelease(session.id, 'frame', { threshold, rules } satisfies FrameRelease);
	return true;
}

/**
 * Forgets the per-phone check-ins and consents of a session that no longer runs, and who chose in
 * its pact's rounds.
 */
export function forgetRoomInputs(sessionId: number): void {
	deleteSessionCheckins(sessionId);
	deleteSessionConsents(sessionId);
	forgetSessionPactInputs(sessionId);
}

export interface RoomSummary {
	/** null until the check-in is released. */
	checkin: CheckinSummary | null;
	/** Each ground rule with its tally once released (null below the threshold). */
	rules: {
		id: number;
		text: string;
		released: boolean;
		n: number;
		tally: ConsentTally | null;
		/** Set when the tally was withheld for a pact clause of close words (releaseFrame). */
		withheld: 'overlap' | null;
	}[];
}

/** What the room may see of its check-in and ground rules: released figures only. */
export function roomSummary(sessionId: number, rules: GroundRule[]): RoomSummary {
	const frame = findRelease<FrameRelease>(sessionId, 'frame');
	return {
		checkin: findRelease<CheckinSummary>(sessionId, 'checkin') ?? null,
		rules: rules.map((rule) => {
			const released = frame?.rules.find((r) => r.ruleId === rule.id);
			return {
				id: rule.id,
				text: rule.text,
				released: Boolean(frame),
				n: released?.n ?? 0,
				tally: released?.tally ?? null,
				withheld: released?.withheld ?? null
			};
		})
	};
}

export interface FeedbackRelease {
	items: Feedback[];
	/** « Retours » not shown yet, waiting for enough others. */
	waiting: number;
	/** The threshold they are shown by. */
	threshold: number;
}

/**
 * What members may read of a session's « retours »: nothing while it runs; once it closes, those of
 * the room together from k up, then the late ones by whole groups of k (scoring/disclosure.ts). k is
 * the one the results were frozen with, so changing the group's threshold afterwards shows none sooner.
 */
export function releasedFeedback(session: Session, groupThreshold: number): FeedbackRelease {
	const threshold = snapshotThreshold(session.id) ?? groupThreshold;
	if (session.status === 'draft' || session.status === 'live') return { items: [], waiting: 0, threshold };
	const { inRoom, late } = feedbackCounts(session.id);
	const shown = releasableReflections(inRoom, late, threshold);
	const items = listFeedback(session.id, shown);
	// Fewer than k in the room went out with late ones: marked apart, they would stand as a small group.
	const mixed = inRoom > 0 && inRoom < threshold;
	return {
		items: mixed ? items.map((item) => ({ ...item, late: false })) : items,
		waiting: inRoom + late - shown,
		threshold
	};
}
