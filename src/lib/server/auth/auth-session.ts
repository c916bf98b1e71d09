import type { Cookies } from '@sveltejs/kit';
import {
	deleteAuthSession,
	extendAuthSession,
	findAuthSession,
	insertAuthSession,
	type AuthSession
} from '$lib/server/db/auth-sessions';
import type { User } from '$lib/server/db/users';
import { generateToken, hashToken } from './tokens';

const day = 24 * 60 * 60 * 1000;
export const authSessionLifetime = 30 * day;
export const authCookieName = 'auth_session';

/** Starts an auth session for a user; returns the token for the cookie. */
export function createAuthSession(userId: number, now = Date.now()): { token: string; session: AuthSession } {
	const token = generateToken();
	const session = { id: hashToken(token), userId, expiresAt: now + authSessionLifetime };
	insertAuthSession(session);
	return { token, session };
}

/**
 * The auth session and user behind a token, or null when unknown or expired. A session used
 * in the second half of its life is pushed back to a full 30 days (sliding expiry).
 */
export function validateAuthSession(token: string, now = Date.now()): { session: AuthSession; user: User } | null {
	const found = findAuthSession(hashToken(token));
	if (!found) return null;
	if (found.session.expiresAt <= now) {
		deleteAuthSession(found.session.id);
		return null;
	}
	if (found.session.expiresAt - now < authSessionLifetime / 2) {
		found.session.expiresAt = now + authSessionLifetime;
		extendAuthSession(found.session.id, found.session.expiresAt);
	}
	return found;
}

/** Ends an auth session. */
export function invalidateAuthSession(sessionId: string): void {
	deleteAuthSession(sessionId);
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
