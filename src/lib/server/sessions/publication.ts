import type { PlanStage } from '$lib/session/plan';
import { isPublished } from '$lib/session/acceptance';
import type { PublishedActivity } from '$lib/session/status';
import { minimumThreshold } from '$lib/scoring/anonymity';
import { findGroup } from '$lib/server/db/groups';
import { deleteRoomNames } from '$lib/server/db/room-names';
import type { Session } from '$lib/server/db/sessions';
import { getFramework } from '$lib/server/framework';
import { baseLocale } from '$lib/paraglide/runtime';
import { closeOpenRound } from '$lib/server/pact/rounds';
import { forgetRoomInputs, releaseCheckin, releaseFrame } from './releases';
import { forgetAnswers, takeSnapshot } from './snapshot';

// When a session's figures go out (scoring/disclosure.ts): the check-in's and the rules' when their
// activity closes, the questionnaires' at the reveal or the close; each then takes no more input.

function groupThreshold(session: Session): number {
	return findGroup(session.groupId)?.anonymityThreshold ?? minimumThreshold;
}

function currentActivity(session: Session, plan: PlanStage[]) {
	return plan.find((stage) => stage.position === session.stagePosition)?.activity;
}

/**
 * Releases what the room may see of a check-in or of the ground rules once that activity closes
 * (scoring/disclosure.ts); returns the published list with it, or unchanged below the threshold.
 */
export function releaseOnClose(session: Session, plan: PlanStage[]): PublishedActivity[] {
	const activity = currentActivity(session, plan);
	if (activity !== 'checkin' && activity !== 'frame') return session.published;
	if (isPublished(session, activity)) return session.published;
	const threshold = groupThreshold(session);
	const released = activity === 'checkin' ? releaseCheckin(session.id, threshold) : releaseFrame(session, threshold);
	return released ? [...session.published, activity] : session.published;
}

/** Whether the current stage's activity may be opened: not once its figures went out. */
export function canOpen(session: Session, plan: PlanStage[]): boolean {
	const activity = currentActivity(session, plan);
	return !activity || !isPublished(session, activity);
}

/** Whether the results may be revealed now: at a reveal stage, or again once frozen. */
export function canReveal(session: Session, plan: PlanStage[]): boolean {
	if (isPublished(session, 'questionnaire')) return true;
	return session.status === 'live' && currentActivity(session, plan) === 'reveal';
}

/** Takes the session's snapshot if it has none; returns the published list with the questionnaire. */
export function freezeResults(session: Session, now = Date.now()): PublishedActivity[] {
	takeSnapshot(session, groupThreshold(session), getFramework(baseLocale), now);
	return isPublished(session, 'questionnaire') ? session.published : [...session.published, 'questionnaire'];
}

/**
 * Releases what is left to release, freezes the results, and forgets every per-person input the
 * frozen figures now stand for: answers, check-ins, consents and first names.
 */
export function settle(session: Session, now: number): PublishedActivity[] {
	const threshold = groupThreshold(session);
	const published = new Set(freezeResults(session, now));
	if (releaseCheckin(session.id, threshold)) published.add('checkin');
	if (releaseFrame(session, threshold)) published.add('frame');
	closeOpenRound(session, threshold, now);
	forgetAnswers(session.id);
	forgetRoomInputs(session.id);
	deleteRoomNames(session.id);
	return [...published];
}
