import type { Framework } from '$lib/framework/types';
import type { PlanStage } from '$lib/session/plan';
import { findJoinableSession, listPlan, type PlanRow, type Session } from '$lib/server/db/sessions';
import { finalizeSettledSessions } from './lifecycle';

// What every phone's request reads, kept cheap: a room of a thousand sends tens of thousands.

/**
 * The session a join code opens now. One whose settling time is over is made final first, as
 * every page does; a live session, the common case, needs no such look.
 */
export function findLiveSession(joinCode: string, now = Date.now()): Session | undefined {
	const session = findJoinableSession(joinCode);
	if (session?.status !== 'settling' || (session.settlesUntil ?? Infinity) > now) return session;
	finalizeSettledSessions(now);
	return findJoinableSession(joinCode);
}

const plans = new Map<number, { key: string; rows: PlanRow[] }>();

/**
 * A session's plan, read again only when its state version moves: every edit of the plan bumps
 * it (editPlanStage), and the join code tells a new session from a deleted one of the same id.
 */
export function livePlan(session: Session, framework: Framework): PlanStage[] {
	const key = `${session.version}:${session.joinCode}`;
	let cached = plans.get(session.id);
	if (cached?.key !== key) {
		cached = { key, rows: listPlan(session.id) };
		plans.set(session.id, cached);
	}
	return cached.rows.flatMap((row) => {
		const stage = framework.stages.find((s) => s.id === row.stageId);
		return stage ? [{ ...row, levels: [...row.levels], activity: stage.activity }] : [];
	});
}
