import { clearSignInFailures, recordSignInFailure, signInFailuresSince } from '$lib/server/db/sign-in-failures';

export const maxFailures = 10;
export const lockoutWindow = 15 * 60 * 1000;

/** When an email is locked after too many failed sign-ins, the moment it unlocks; else null. */
export function lockedUntil(email: string, now = Date.now()): number | null {
	const failures = signInFailuresSince(email, now - lockoutWindow);
	// Attempts made while locked are not counted, so the newest failure is the one that locked.
	return failures.length >= maxFailures ? (failures[0] as number) + lockoutWindow : null;
}

/** Counts a failed sign-in for an email. */
export function noteFailure(email: string, now = Date.now()): void {
	recordSignInFailure(email, now);
}

/** Forgets an email's failures after a successful sign-in. */
export function noteSuccess(email: string, now = Date.now()): void {
	clearSignInFailures(email, now - lockoutWindow);
}
