import type { Cookies } from '@sveltejs/kit';
import {
	deleteAuthSession,
	deleteUserAuthSessions,
	extendAuthSession,
	findAuthSession,
	insertAuthSession,
	type AuthSession
} from '$lib/server/db/auth-sessions';
import type { User } from '$lib/server/db/users';
import { generateToken, hashToken } from './tokens';

const day = 24 * 60 * 60 * 1000;
export const authSessionLifetime = 30 * day;
/** However often it is used, a sign-in ends this long after it started. */
export const authSessionMaxLifetime = 90 * day;
export const authCookieName = 'auth_session';
const lastUsedPrecision = 60 * 60 * 1000;

/** Starts an auth session for a user; returns the token for the cookie. */
export function createAuthSession(
	userId: number,
	now = Date.now(),
	userAgent = ''
): { token: string; session: AuthSession } {
	const token = generateToken();
	const session = {
		id: hashToken(token),
		userId,
		expiresAt: now + authSessionLifetime,
		createdAt: now,
		lastUsedAt: now,
		userAgent: userAgent.slice(0, 200)
	};
	insertAuthSession(session);
	return { token, session };
}

/**
 * The auth session and user behind a token, or null when unknown or expired. A session used
 * in the second half of its life is pushed back to a full 30 days (sliding expiry), never past
 * 90 days from the sign-in (absolute expiry); when it was last used is kept to the hour.
 */
export function validateAuthSession(token: string, now = Date.now()): { session: AuthSession; user: User } | null {
	const found = findAuthSession(hashToken(token));
	if (!found) return null;
	const { session } = found;
	const end = session.createdAt + authSessionMaxLifetime;
	if (session.expiresAt <= now || end <= now) {
		deleteAuthSession(session.id);
		return null;
	}
	const slid = session.expiresAt - now < authSessionLifetime / 2;
	if (slid || now - session.lastUsedAt >= lastUsedPrecision) {
		if (slid) session.expiresAt = Math.min(now + authSessionLifetime, end);
		session.lastUsedAt = now;
		extendAuthSession(session.id, session.expiresAt, session.lastUsedAt);
	}
	return found;
}

/** Ends an auth session. */
export function invalidateAuthSession(sessionId: string): void {
	deleteAuthSession(sessionId);
}

/** Ends every sign-in of a user, but the one kept (none when null); returns how many ended. */
export function invalidateUserAuthSessions(userId: number, keep: string | null): number {
	return deleteUserAuthSessions(userId, keep);
}

/** Sets the auth cookie; Secure only when the request came over https, so LAN http still works. */
export function setAuthCookie(cookies: Cookies, url: URL, token: string, expiresAt: number): void {
	cookies.set(authCookieName, token, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: url.protocol === 'https:',
		expires: new Date(expiresAt)
	});
}

/** Removes the auth cookie. */
export function clearAuthCookie(cookies: Cookies, url: URL): void {
	cookies.delete(authCookieName, { path: '/', secure: url.protocol === 'https:' });
}
