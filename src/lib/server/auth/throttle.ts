import { clearSignInFailures, recordSignInFailure, signInFailuresSince } from '$lib/server/db/sign-in-failures';

export const maxFailures = 10;
export const lockoutWindow = 15 * 60 * 1000;

/**
 * When an email is locked, the moment it unlocks; else null. Ten failures within 15 minutes
 * lock it for 15 minutes from the last of them (attempts while locked are not counted).
 */
export function lockedUntil(email: string, now = Date.now()): number | null {
	const failures = signInFailuresSince(email, now - 2 * lockoutWindow);
	const newest = failures[0];
	if (newest === undefined || newest + lockoutWindow <= now) return null;
	const burst = failures.filter((at) => at > newest - lockoutWindow).length;
	return burst >= maxFailures ? newest + lockoutWindow : null;
}

/** Counts a failed sign-in for an email. */
export function noteFailure(email: string, now = Date.now()): void {
	recordSignInFailure(email, now);
}

/** Forgets an email's failures after a successful sign-in. */
export function noteSuccess(email: string, now = Date.now()): void {
	clearSignInFailures(email, now - 2 * lockoutWindow);
}
