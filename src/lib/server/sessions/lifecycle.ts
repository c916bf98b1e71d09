import { error } from '@sveltejs/kit';
import type { Framework } from '$lib/framework/types';
import { generateJoinCode } from '$lib/session/join-code';
import { defaultPlan, stepPosition, type PlanStage } from '$lib/session/plan';
import { canTransition, type Phase, type SessionStatus } from '$lib/session/status';
import { transaction } from '$lib/server/db/connection';
import {
	createSession,
	findSession,
	isJoinCodeTaken,
	listPlan,
	listSettledSessions,
	updatePlanStage,
	updateSession,
	type Session,
	type SessionPatch
} from '$lib/server/db/sessions';
import { publishState } from '$lib/server/live/publish';
import { findGroup } from '$lib/server/db/groups';
import { getFramework } from '$lib/server/framework';
import { minimumThreshold } from '$lib/scoring/anonymity';
import { m } from '$lib/paraglide/messages';
import { baseLocale } from '$lib/paraglide/runtime';
import { takeSnapshot } from './snapshot';

const day = 24 * 60 * 60 * 1000;

/** Creates a draft session with the framework's default plan. */
export function createDraftSession(
	groupId: number,
	fields: { title: string; heldOn: string; settleDays: number },
	framework: Framework
): number {
	return createSession(groupId, fields, defaultPlan(framework), framework.instrumentVersion);
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

/** Opens a draft session: it gets a join code and starts at its first stage that is not skipped. */
export function openSession(session: Session, plan: PlanStage[]): void {
	if (!canTransition(session.status, 'live')) throw error(409, m.session_error_status());
	transaction(() => {
		const first = stepPosition(plan, 0, 1) ?? 1;
		change(session, {
			status: 'live',
			joinCode: uniqueJoinCode(),
			stagePosition: first,
			phase: 'waiting',
			openedAt: Date.now()
		});
	});
}

/** Moves to the next or previous stage that is not skipped; its activity starts waiting. */
export function moveStage(session: Session, plan: PlanStage[], direction: 1 | -1): void {
	ensureStatus(session, 'live');
	const position = stepPosition(plan, session.stagePosition, direction);
	if (position === null) throw error(409, m.session_error_no_stage());
	change(session, { stagePosition: position, phase: 'waiting', timerEndsAt: null });
}

/** Opens or closes the current stage's activity. */
export function setPhase(session: Session, phase: Phase): void {
	ensureStatus(session, 'live');
	change(session, { phase, ...(phase === 'closed' ? { timerEndsAt: null } : {}) });
}

/** Shows or hides the results on the projector and the phones. */
export function setRevealed(session: Session, revealed: boolean): void {
	ensureStatus(session, 'live', 'settling', 'closed');
	change(session, { revealed });
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

/** Closes a live session: it settles for its number of days, open to late reflections. */
export function closeSession(session: Session, now = Date.now()): void {
	if (!canTransition(session.status, 'settling')) throw error(409, m.session_error_status());
	change(session, {
		status: 'settling',
		phase: 'closed',
		timerEndsAt: null,
		settlesUntil: now + session.settleDays * day
	});
}

/** Makes a settling session final now, freezing its results. */
export function finalizeSession(session: Session, now = Date.now()): void {
	if (!canTransition(session.status, 'closed')) throw error(409, m.session_error_status());
	const group = findGroup(session.groupId);
	transaction(() => {
		takeSnapshot(session, group?.anonymityThreshold ?? minimumThreshold, getFramework(baseLocale), now);
		change(session, { status: 'closed', closedAt: now });
	});
}

/** Closes every session whose settling time is over. */
export function finalizeSettledSessions(now = Date.now()): void {
	for (const id of listSettledSessions(now)) {
		const session = findSession(id);
		if (session) finalizeSession(session, now);
	}
}
