import { addressKey, memoryOpenCounter } from '$lib/server/limits/window-counter';

// Open live streams are bounded, so that one client cannot hold thousands of sockets and
// listeners: a few per phone or signed-in browser (tabs), and per session and per address a
// little over the largest room (5,000 phones, which may all share one venue's address).
export const maxStreamsPerParticipant = 4;
export const maxStreamsPerMember = 10;
export const maxStreamsPerSession = 6000;
export const maxStreamsPerAddress = 6000;

const open = memoryOpenCounter();

/**
 * Takes a slot for a new stream of a session, or null when a bound is reached. Who: a phone by
 * its participant id (or none before joining, then by its address) or a member by auth session.
 */
export function streamSlot(
	sessionId: number,
	who: { participant?: number; member?: string; address?: string }
): (() => void) | null {
	const keys = [{ key: `session ${sessionId}`, max: maxStreamsPerSession }];
	if (who.participant !== undefined)
		keys.push({ key: `participant ${who.participant}`, max: maxStreamsPerParticipant });
	if (who.member !== undefined) keys.push({ key: `member ${who.member}`, max: maxStreamsPerMember });
	if (who.address !== undefined) keys.push({ key: `address ${addressKey(who.address)}`, max: maxStreamsPerAddress });
	return open.tryOpen(keys);
}
