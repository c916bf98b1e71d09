import { addressKey, memoryWindowCounter } from './window-counter';

// Guessing a join code (31⁶ of them) must stay hopeless on every route that takes one, while a
// venue's thousand phones behind one address, and a troll among them, never keep the right code
// out. Only wrong codes count. An address past its own limit still has each code looked up, so the
// right one gets in; but when wrong codes flood the whole instance, an address past its limit is
// refused before any lookup, except for the codes it already reached (its room).
export const maxWrongCodesPerAddress = 100;
export const maxWrongCodesEverywhere = 1000;
export const wrongCodeWindow = 10 * 60 * 1000;
const knownWindow = 12 * 60 * 60 * 1000;

const wrongByAddress = memoryWindowCounter(wrongCodeWindow);
const wrongEverywhere = memoryWindowCounter(wrongCodeWindow, { prunePast: Infinity });
const reached = new Map<string, Map<string, number>>();

function knows(address: string, code: string, now: number): boolean {
	const at = reached.get(address)?.get(code);
	return at !== undefined && at > now - knownWindow;
}

/** Whether an address is past its limit of wrong codes. */
export function addressLimited(address: string, now = Date.now()): boolean {
	return wrongByAddress.count(addressKey(address), now) >= maxWrongCodesPerAddress;
}

/**
 * Whether a code may be looked up for an address now: false only for an address past its own
 * limit, while the whole instance is flooded, and for a code it never reached.
 */
export function mayLookUpCode(address: string, code: string, now = Date.now()): boolean {
	const key = addressKey(address);
	if (wrongByAddress.count(key, now) < maxWrongCodesPerAddress) return true;
	if (wrongEverywhere.count('all', now) < maxWrongCodesEverywhere) return true;
	return knows(key, code, now);
}

/** Counts a wrong code from an address; true when that address is now past its limit. */
export function noteWrongCode(address: string, now = Date.now()): boolean {
	const key = addressKey(address);
	wrongByAddress.add(key, now);
	wrongEverywhere.add('all', now);
	return wrongByAddress.count(key, now) > maxWrongCodesPerAddress;
}

/** Remembers that an address reached a session by its code (a phone of that room). */
export function noteRightCode(address: string, code: string, now = Date.now()): void {
	const key = addressKey(address);
	if (reached.size > 10_000) {
		for (const [one, codes] of reached) {
			for (const [c, at] of codes) if (at <= now - knownWindow) codes.delete(c);
			if (codes.size === 0) reached.delete(one);
		}
	}
	const codes = reached.get(key) ?? new Map<string, number>();
	codes.set(code, now);
	reached.set(key, codes);
}
