import { sql } from './connection';
import type { User } from './users';

export interface AuthSession {
	id: string;
	userId: number;
	expiresAt: number;
}

/** Stores an auth session under the hash of its token. */
export function insertAuthSession(session: AuthSession): void {
	sql('INSERT INTO auth_sessions (id, user_id, expires_at) VALUES (?, ?, ?)').run(
		session.id,
		session.userId,
		session.expiresAt
	);
}

/** The auth session with this id and its user, or undefined. */
export function findAuthSession(id: string): { session: AuthSession; user: User } | undefined {
	const row = sql(
		`SELECT s.id, s.user_id AS userId, s.expires_at AS expiresAt, u.name, u.email
		 FROM auth_sessions s JOIN users u ON u.id = s.user_id WHERE s.id = ?`
	).get(id) as (AuthSession & { name: string; email: string }) | undefined;
	if (!row) return undefined;
	return {
		session: { id: row.id, userId: row.userId, expiresAt: row.expiresAt },
		user: { id: row.userId, name: row.name, email: row.email }
	};
}

/** Moves an auth session's expiry. */
export function extendAuthSession(id: string, expiresAt: number): void {
	sql('UPDATE auth_sessions SET expires_at = ? WHERE id = ?').run(expiresAt, id);
}

/** Deletes one auth session. */
export function deleteAuthSession(id: string): void {
	sql('DELETE FROM auth_sessions WHERE id = ?').run(id);
}

/** Deletes every expired auth session. */
export function deleteExpiredAuthSessions(now: number): void {
	sql('DELETE FROM auth_sessions WHERE expires_at <= ?').run(now);
}
