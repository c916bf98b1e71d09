import type { Cookies } from '@sveltejs/kit';
import { transaction } from '$lib/server/db/connection';
import { createUser, findUserByEmail, hasUsers, type User } from '$lib/server/db/users';
import { createAuthSession, setAuthCookie } from './auth-session';
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
export function startAuthSession(cookies: Cookies, url: URL, userId: number): void {
	const { token, session } = createAuthSession(userId);
	setAuthCookie(cookies, url, token, session.expiresAt);
}
