import type { Cookies } from '@sveltejs/kit';
import { transaction } from '$lib/server/db/connection';
import { createUser, findUserByEmail, hasUsers, setPasswordHash, type User } from '$lib/server/db/users';
import { createAuthSession, invalidateUserAuthSessions, setAuthCookie } from './auth-session';
import { hashPassword, verifyPassword } from './password';
import { addressLockedUntil, lockedUntil, noteFailure, noteSuccess } from './throttle';

/**
 * Creates a facilitator account, or returns null when the email is taken or, with firstOnly,
 * when an account already exists.
 */
export async function registerAccount(
	input: { name: string; email: string; password: string },
	{ firstOnly = false } = {}
): Promise<User | null> {
	if (findUserByEmail(input.email)) return null;
	const passwordHash = await hashPassword(input.password);
	// Checked again after the slow hash, with nothing awaited between check and insert.
	return transaction(() => {
		if (findUserByEmail(input.email) || (firstOnly && hasUsers())) return null;
		return createUser(input.name, input.email, passwordHash);
	});
}

export type SignInOutcome =
	{ user: User } | { lockedUntil: number } | { addressLockedUntil: number } | { wrongCredentials: true };

// Verified against when the email is unknown, so both cases take the same time.
const decoyHash = hashPassword('entre-deux decoy password');

/** Checks an email and password, counting failures towards the lockouts of the email and the address. */
export async function checkCredentials(
	email: string,
	password: string,
	now = Date.now(),
	address?: string
): Promise<SignInOutcome> {
	const decoy = await decoyHash;
	const fromAddress = address === undefined ? null : addressLockedUntil(address, now);
	if (fromAddress) return { addressLockedUntil: fromAddress };
	const until = lockedUntil(email, now);
	if (until) return { lockedUntil: until };
	// Counted as a failure before the slow hash, with nothing awaited since the checks above, so
	// that concurrent attempts see one another; taken back when the password is right.
	noteFailure(email, now, address);
	const user = findUserByEmail(email);
	const valid = await verifyPassword(user?.passwordHash ?? decoy, password);
	if (!user || !valid) {
		const nowLocked = lockedUntil(email, now);
		return nowLocked ? { lockedUntil: nowLocked } : { wrongCredentials: true };
	}
	noteSuccess(email, now, address);
	return { user: { id: user.id, name: user.name, email: user.email } };
}

/** Signs a user in on this browser: a new auth session and its cookie. */
export function startAuthSession(cookies: Cookies, url: URL, userId: number, userAgent = ''): void {
	const { token, session } = createAuthSession(userId, Date.now(), userAgent);
	setAuthCookie(cookies, url, token, session.expiresAt);
}

/**
 * Changes a signed-in user's password once the current one is checked (an attempt counted like
 * a sign-in), and ends their other sign-ins, keeping this one.
 */
export async function changePassword(
	user: User,
	current: string,
	next: string,
	keepAuthSession: string,
	address?: string
): Promise<Exclude<SignInOutcome, { user: User }> | { changed: true }> {
	const outcome = await checkCredentials(user.email, current, Date.now(), address);
	if (!('user' in outcome)) return outcome;
	setPasswordHash(user.id, await hashPassword(next));
	invalidateUserAuthSessions(user.id, keepAuthSession);
	return { changed: true };
}

/** Sets an account's password (the host's reset) and ends all its sign-ins; false when no such account. */
export async function resetPassword(email: string, next: string): Promise<boolean> {
	const user = findUserByEmail(email);
	if (!user) return false;
	setPasswordHash(user.id, await hashPassword(next));
	invalidateUserAuthSessions(user.id, null);
	noteSuccess(email);
	return true;
}

/**
 * An account for an invitation: a new one, or, when the email already has one, that account if
 * the password is its own (an attempt counted like a sign-in). The answer never says which.
 */
export async function accountForInvitation(
	input: { name: string; email: string; password: string },
	address: () => string
): Promise<{ user: User } | { refused: 'wrong' | 'locked' }> {
	const created = await registerAccount(input);
	if (created) return { user: created };
	const outcome = await checkCredentials(input.email, input.password, Date.now(), address());
	if ('user' in outcome) return outcome;
	return { refused: 'wrongCredentials' in outcome ? 'wrong' : 'locked' };
}
