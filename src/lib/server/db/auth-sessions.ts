import { sql } from './connection';
import type { User } from './users';

export interface AuthSession {
	id: string;
	userId: number;
	expiresAt: number;
	createdAt: number;
	lastUsedAt: number;
	userAgent: string;
}

const columns =
	's.id, s.user_id AS userId, s.expires_at AS expiresAt, s.created_at AS createdAt, s.last_used_at AS lastUsedAt, s.user_agent AS userAgent';

/** Stores an auth session under the hash of its token. */
export function insertAuthSession(session: AuthSession): void {
	sql(
		'INSERT INTO auth_sessions (id, user_id, expires_at, created_at, last_used_at, user_agent) VALUES (?, ?, ?, ?, ?, ?)'
	).run(session.id, session.userId, session.expiresAt, session.createdAt, session.lastUsedAt, session.userAgent);
}

/** The auth session with this id and its user, or undefined. */
export function findAuthSession(id: string): { session: AuthSession; user: User } | undefined {
	const row = sql(
		`SELECT ${columns}, u.name, u.email FROM auth_sessions s JOIN users u ON u.id = s.user_id WHERE s.id = ?`
	).get(id) as (AuthSession & { name: string; email: string }) | undefined;
	if (!row) return undefined;
	const { name, email, ...session } = row;
	return { session, user: { id: row.userId, name, email } };
}

/** A user's auth sessions (their sign-ins), the most recently used first. */
export function listAuthSessions(userId: number): AuthSession[] {
	return sql(`SELECT ${columns} FROM auth_sessions s WHERE s.user_id = ? ORDER BY s.last_used_at DESC`).all(
		userId
	) as AuthSession[];
}

/** Moves an auth session's expiry, and notes when it was last used. */
export function extendAuthSession(id: string, expiresAt: number, lastUsedAt: number): void {
	sql('UPDATE auth_sessions SET expires_at = ?, last_used_at = ? WHERE id = ?').run(expiresAt, lastUsedAt, id);
}

/** Deletes one auth session. */
export function deleteAuthSession(id: string): void {
	sql('DELETE FROM auth_sessions WHERE id = ?').run(id);
}

/** Deletes one of a user's auth sessions; false when the user has no such session. */
export function deleteUserAuthSession(userId: number, id: string): boolean {
	return sql('DELETE FROM auth_sessions WHERE id = ? AND user_id = ?').run(id, userId).changes > 0;
}

/** Deletes every auth session of a user but one (none when keep is null); returns how many. */
export function deleteUserAuthSessions(userId: number, keep: string | null): number {
	return sql('DELETE FROM auth_sessions WHERE user_id = ? AND id IS NOT ?').run(userId, keep).changes;
}

/** Deletes every expired auth session. */
export function deleteExpiredAuthSessions(now: number): void {
	sql('DELETE FROM auth_sessions WHERE expires_at <= ?').run(now);
}
