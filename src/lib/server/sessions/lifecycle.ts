import { error } from '@sveltejs/kit';
import { isSkipped } from '$lib/framework/formats';
import type { Framework, SessionFormat } from '$lib/framework/types';
import { generateJoinCode } from '$lib/session/join-code';
import { defaultPlan, stepPosition, type PlanStage } from '$lib/session/plan';
import type { ProjectorTheme } from '$lib/session/projector-theme';
import { canTransition, type Phase, type SessionStatus } from '$lib/session/status';
import { transaction } from '$lib/server/db/connection';
import {
	createSession,
	findSession,
	isJoinCodeTaken,
	listLiveSessions,
	listPlan,
	listSettledSessions,
	updatePlanStage,
	updateSession,
	type Session,
	type SessionPatch
} from '$lib/server/db/sessions';
import { publishState } from '$lib/server/live/publish';
import { m } from '$lib/paraglide/messages';
import { canOpen, canReveal, freezeResults, releaseOnClose, settle } from './publication';

const day = 24 * 60 * 60 * 1000;

/** Creates a draft session with the framework's default plan, less the stages its format skips. */
export function createDraftSession(
	groupId: number,
	fields: { title: string; heldOn: string; settleDays: number; format?: SessionFormat },
	framework: Framework
): number {
	const format = fields.format ?? 'full';
	const plan = defaultPlan(framework).map((stage, index) => {
		const info = framework.stages[index];
		return { ...stage, skipped: info ? isSkipped(info, format) : false };
	});
	return createSession(groupId, { ...fields, format }, plan, framework.instrumentVersion);
}

/** A session's plan with each stage's activity taken from the framework. */
export function sessionPlan(sessionId: number, framework: Framework): PlanStage[] {
	return listPlan(sessionId).flatMap((row) => {
		const stage = framework.stages.find((s) => s.id === row.stageId);
		return stage ? [{ ...row, activity: stage.activity }] : [];
	});
}

function change(session: Session, patch: SessionPatch): number {
	const version = updateSession(session.id, patch);
	publishState(session.id, version);
	return version;
}

function ensureStatus(session: Session, ...allowed: SessionStatus[]) {
	if (!allowed.includes(session.status)) throw error(409, m.session_error_status());
}

function uniqueJoinCode(): string {
	for (;;) {
		const code = generateJoinCode();
		if (!isJoinCodeTaken(code)) return code;
	}
}

/**
 * Opens a draft session: it gets a join code and starts at its first stage that is not skipped.
 * It is asked the questionnaire the app has now, so it takes that instrument version (a draft
 * created before an upgrade has no answers yet).
 */
export function openSession(session: Session, plan: PlanStage[], instrumentVersion: number): void {
	if (!canTransition(session.status, 'live')) throw error(409, m.session_error_status());
	transaction(() => {
		const first = stepPosition(plan, 0, 1) ?? 1;
		change(session, {
			status: 'live',
			joinCode: uniqueJoinCode(),
			stagePosition: first,
			phase: 'waiting',
			openedAt: Date.now(),
			instrumentVersion,
			stageStartedAt: Date.now()
		});
	});
}

/** Moves to the next or previous stage that is not skipped; its activity starts waiting. */
export function moveStage(session: Session, plan: PlanStage[], direction: 1 | -1): void {
	ensureStatus(session, 'live');
	const position = stepPosition(plan, session.stagePosition, direction);
	if (position === null) throw error(409, m.session_error_no_stage());
	transaction(() => {
		const published = session.phase === 'waiting' ? session.published : releaseOnClose(session, plan);
		change(session, {
			stagePosition: position,
			phase: 'waiting',
			timerEndsAt: null,
			published,
			stageStartedAt: Date.now(),
			resultsRecalled: false
		});
	});
}

/** Opens or closes the current stage's activity; closing a check-in or the rules releases their figures. */
export function setPhase(session: Session, plan: PlanStage[], phase: Phase): void {
	ensureStatus(session, 'live');
	if (phase === 'open' && !canOpen(session, plan)) throw error(409, m.activity_error_published());
	transaction(() => {
		const published = phase === 'closed' ? releaseOnClose(session, plan) : session.published;
		change(session, { phase, published, ...(phase === 'closed' ? { timerEndsAt: null } : {}) });
	});
}

/**
 * Shows or hides the results on the projector and the phones. The first reveal, at a reveal stage
 * only, freezes the questionnaires' results: from then on no questionnaire takes answers.
 */
export function setRevealed(session: Session, plan: PlanStage[], revealed: boolean): void {
	ensureStatus(session, 'live', 'settling', 'closed');
	if (!revealed) {
		change(session, { revealed });
		return;
	}
	if (!canReveal(session, plan)) throw error(409, m.reveal_error_stage());
	transaction(() => {
		const published = freezeResults(session);
		change(session, { revealed, published });
	});
}

/** Switches the projector's theme, live. */
export function setProjectorTheme(session: Session, projectorTheme: ProjectorTheme): void {
	change(session, { projectorTheme });
}

/** Shows the revealed results again on the projector after the reveal stage, or puts them away. */
export function recallResults(session: Session, resultsRecalled: boolean): void {
	ensureStatus(session, 'live');
	if (resultsRecalled && !session.revealed) throw error(409, m.reveal_error_stage());
	change(session, { resultsRecalled });
}

/** Starts a countdown of some minutes, or stops it. */
export function setTimer(session: Session, minutes: number | null): void {
	ensureStatus(session, 'live');
	change(session, { timerEndsAt: minutes ? Date.now() + minutes * 60_000 : null });
}

/** Skips or restores a stage, and sets a questionnaire's levels, before or during the session. */
export function editPlanStage(session: Session, position: number, skipped: boolean, levels: string[]): void {
	ensureStatus(session, 'draft', 'live');
	if (skipped && session.status === 'live' && session.stagePosition === position) {
		throw error(409, m.session_error_skip_current());
	}
	updatePlanStage(session.id, position, skipped, levels);
	change(session, {});
}

/** Tells every screen of a session to reload what it shows (a card approved, a commitment added). */
export function touchSession(session: Session): void {
	change(session, {});
}

/** Tells the screens of a group's live session to reload: its pact or ground rules changed outside it. */
export function touchLiveSessions(groupId: number): void {
	for (const session of listLiveSessions(groupId)) change(session, {});
}

/** Closes a live session: it settles for its number of days, open to late reflections only. */
export function closeSession(session: Session, now = Date.now()): void {
	if (!canTransition(session.status, 'settling')) throw error(409, m.session_error_status());
	transaction(() => {
		const published = settle(session, now);
		change(session, {
			status: 'settling',
			phase: 'closed',
			timerEndsAt: null,
			settlesUntil: now + session.settleDays * day,
			published
		});
	});
}

/** Makes a settling session final now (its results were frozen when it closed). */
export function finalizeSession(session: Session, now = Date.now()): void {
	if (!canTransition(session.status, 'closed')) throw error(409, m.session_error_status());
	transaction(() => {
		const published = settle(session, now);
		change(session, { status: 'closed', closedAt: now, published });
	});
}

/** Closes every session whose settling time is over. */
export function finalizeSettledSessions(now = Date.now()): void {
	for (const id of listSettledSessions(now)) {
		const session = findSession(id);
		if (session) finalizeSession(session, now);
	}
}
