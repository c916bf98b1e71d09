import { clearSignInFailures, recordSignInFailure, signInFailuresSince } from '$lib/server/db/sign-in-failures';

export const maxFailures = 10;
export const lockoutWindow = 15 * 60 * 1000;

// Failed sign-ins per address, whatever the email, so that one address cannot try a password on
// many emails: generous, since a few facilitators may share an office's address. In memory.
export const maxAddressFailures = 50;
const addressFailures = new Map<string, number[]>();

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

/** Counts a failed sign-in for an email, and for the address it came from. */
export function noteFailure(email: string, now = Date.now(), address?: string): void {
	recordSignInFailure(email, now);
	if (address === undefined) return;
	if (addressFailures.size > 10_000) {
		for (const [key, times] of addressFailures) if (times.at(-1)! <= now - lockoutWindow) addressFailures.delete(key);
	}
	const recent = (addressFailures.get(address) ?? []).filter((at) => at > now - lockoutWindow);
	recent.push(now);
	addressFailures.set(address, recent);
}

/** Forgets an email's failures after a successful sign-in, and takes back the address's count of it. */
export function noteSuccess(email: string, now = Date.now(), address?: string): void {
	clearSignInFailures(email, now - 2 * lockoutWindow);
	if (address === undefined) return;
	const recent = addressFailures.get(address) ?? [];
	const index = recent.lastIndexOf(now);
	if (index !== -1) recent.splice(index, 1);
}

/** When an address may try again after too many failed sign-ins, or null when it may now. */
export function addressLockedUntil(address: string, now = Date.now()): number | null {
	const recent = (addressFailures.get(address) ?? []).filter((at) => at > now - lockoutWindow);
	if (recent.length === 0) addressFailures.delete(address);
	else addressFailures.set(address, recent);
	return recent.length >= maxAddressFailures ? recent[0]! + lockoutWindow : null;
}
