import type { SessionFormat } from '$lib/framework/types';
import type { ProjectorTheme } from '$lib/session/projector-theme';
import type { Phase, PublishedActivity, SessionStatus } from '$lib/session/status';
import { sql, transaction } from './connection';

export interface Session {
	id: number;
	groupId: number;
	title: string;
	heldOn: string;
	status: SessionStatus;
	joinCode: string | null;
	stagePosition: number;
	phase: Phase;
	revealed: boolean;
	timerEndsAt: number | null;
	settleDays: number;
	settlesUntil: number | null;
	instrumentVersion: number;
	version: number;
	/** Activities whose figures went out: they take no more input. */
	published: PublishedActivity[];
	format: SessionFormat;
	openedAt: number | null;
	stageStartedAt: number | null;
	projectorTheme: ProjectorTheme;
	/** The results shown again on the projector after the reveal stage. */
	resultsRecalled: boolean;
}

export interface PlanRow {
	position: number;
	stageId: string;
	skipped: boolean;
	levels: string[];
}

const columns = `id, group_id AS groupId, title, held_on AS heldOn, status, join_code AS joinCode,
	stage_position AS stagePosition, phase, revealed, timer_ends_at AS timerEndsAt, settle_days AS settleDays,
	settles_until AS settlesUntil, instrument_version AS instrumentVersion, version, published,
	format, opened_at AS openedAt, stage_started_at AS stageStartedAt, projector_theme AS projectorTheme,
	results_recalled AS resultsRecalled`;

function toSession(row: unknown): Session | undefined {
	if (!row) return undefined;
	const session = row as Session & { published: string };
	return {
		...session,
		revealed: Boolean(session.revealed),
		resultsRecalled: Boolean(session.resultsRecalled),
		published: session.published ? (session.published.split(',') as PublishedActivity[]) : []
	};
}

/** Creates a draft session with its plan of stages; returns its id. */
export function createSession(
	groupId: number,
	fields: { title: string; heldOn: string; settleDays: number; format?: SessionFormat },
	plan: PlanRow[],
	instrumentVersion: number
): number {
	return transaction(() => {
		const id = Number(
			sql(
				`INSERT INTO sessions (group_id, title, held_on, settle_days, instrument_version, stage_position, created_at, format)
				 VALUES (?, ?, ?, ?, ?, ?, ?, ?)`
			).run(
				groupId,
				fields.title,
				fields.heldOn,
				fields.settleDays,
				instrumentVersion,
				plan[0]?.position ?? 1,
				Date.now(),
				fields.format ?? 'full'
			).lastInsertRowid
		);
		const insert = sql(
			'INSERT INTO session_stages (session_id, position, stage_id, skipped, levels) VALUES (?, ?, ?, ?, ?)'
		);
		for (const stage of plan)
			insert.run(id, stage.position, stage.stageId, stage.skipped ? 1 : 0, stage.levels.join(','));
		return id;
	});
}

/** A session by id. */
export function findSession(id: number): Session | undefined {
	return toSession(sql(`SELECT ${columns} FROM sessions WHERE id = ?`).get(id));
}

/** The session that can be joined with this code, if any. */
export function findJoinableSession(joinCode: string): Session | undefined {
	return toSession(
		sql(`SELECT ${columns} FROM sessions WHERE join_code = ? AND status IN ('live', 'settling')`).get(joinCode)
	);
}

/** Whether a join code is taken by a session that can still be joined. */
export function isJoinCodeTaken(joinCode: string): boolean {
	return (
		sql("SELECT EXISTS (SELECT 1 FROM sessions WHERE join_code = ? AND status IN ('live', 'settling'))")
			.pluck()
			.get(joinCode) === 1
	);
}

/** A group's live sessions (at most one in practice). */
export function listLiveSessions(groupId: number): Session[] {
	return sql(`SELECT ${columns} FROM sessions WHERE group_id = ? AND status = 'live'`)
		.all(groupId)
		.map((row) => toSession(row) as Session);
}

/** A group's sessions, newest first. */
export function listSessions(groupId: number): (Session & { participantCount: number })[] {
	return (
		sql(
			`SELECT ${columns}, COALESCE(
			   (SELECT participant_count FROM session_snapshots n WHERE n.session_id = sessions.id),
			   (SELECT COUNT(*) FROM participants p WHERE p.session_id = sessions.id)) AS participantCount
			 FROM sessions WHERE group_id = ? ORDER BY held_on DESC, id DESC`
		).all(groupId) as (Session & { participantCount: number })[]
	).map((row) => ({ ...(toSession(row) as Session), participantCount: row.participantCount }));
}

const settable = {
	title: 'title',
	heldOn: 'held_on',
	settleDays: 'settle_days',
	status: 'status',
	joinCode: 'join_code',
	stagePosition: 'stage_position',
	phase: 'phase',
	revealed: 'revealed',
	timerEndsAt: 'timer_ends_at',
	settlesUntil: 'settles_until',
	openedAt: 'opened_at',
	closedAt: 'closed_at',
	published: 'published',
	instrumentVersion: 'instrument_version',
	stageStartedAt: 'stage_started_at',
	projectorTheme: 'projector_theme',
	resultsRecalled: 'results_recalled'
} as const;

export type SessionPatch = Partial<Record<keyof typeof settable, string | number | boolean | string[] | null>>;

/** Changes a session and bumps its state version; returns the new version. */
export function updateSession(id: number, patch: SessionPatch): number {
	const keys = Object.keys(patch) as (keyof typeof settable)[];
	const assignments = keys.map((key) => `${settable[key]} = ?`).concat('version = version + 1');
	const values = keys.map((key) => {
		const value = patch[key];
		if (Array.isArray(value)) return value.join(',');
		return typeof value === 'boolean' ? Number(value) : (value ?? null);
	});
	return sql(`UPDATE sessions SET ${assignments.join(', ')} WHERE id = ? RETURNING version`)
		.pluck()
		.get(...values, id) as number;
}

/** Deletes a session and everything given in it. */
export function deleteSession(id: number): void {
	sql('DELETE FROM sessions WHERE id = ?').run(id);
}

/** A session's plan of stages, in order. */
export function listPlan(sessionId: number): PlanRow[] {
	return (
		sql(
			'SELECT position, stage_id AS stageId, skipped, levels FROM session_stages WHERE session_id = ? ORDER BY position'
		).all(sessionId) as { position: number; stageId: string; skipped: number; levels: string }[]
	).map((row) => ({ ...row, skipped: row.skipped === 1, levels: row.levels ? row.levels.split(',') : [] }));
}

/** Skips or restores a stage and sets its levels. */
export function updatePlanStage(sessionId: number, position: number, skipped: boolean, levels: string[]): void {
	sql('UPDATE session_stages SET skipped = ?, levels = ? WHERE session_id = ? AND position = ?').run(
		skipped ? 1 : 0,
		levels.join(','),
		sessionId,
		position
	);
}

/** Sessions whose settling time is over, to close them. */
export function listSettledSessions(now: number): number[] {
	return sql("SELECT id FROM sessions WHERE status = 'settling' AND settles_until <= ?").pluck().all(now) as number[];
}
